package provider

import (
	"net/url"
	"strings"
	"testing"

	"github.com/mintlify/terraform-provider-mintlify/internal/emulator"
)

// analyticsCalls are the queries of the analytics requests to endpoint
// (such as "feedback" or "searches") that reached the emulator.
func analyticsCalls(t *testing.T, env *accEnv, endpoint string) []url.Values {
	t.Helper()
	var out []url.Values
	for _, r := range env.emu.Requests() {
		if strings.HasSuffix(r.Path, "/analytics/"+env.projectID+"/"+endpoint) {
			q, err := url.ParseQuery(r.Query)
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, q)
		}
	}
	return out
}

// everyCallHas checks that every call sent the filter name=value.
func everyCallHas(t *testing.T, calls []url.Values, name, value string) {
	t.Helper()
	if len(calls) == 0 {
		t.Errorf("no call was made, so none sent %s=%q", name, value)
	}
	for i, q := range calls {
		if q.Get(name) != value {
			t.Errorf("call %d sent %s=%q, want %q: the filter must reach the API", i+1, name, q.Get(name), value)
		}
	}
}

// analyticsEnv is an emulator for analytics tests.
func analyticsEnv(t *testing.T, opts emulator.Options) *accEnv {
	t.Helper()
	env := newAccEnv(t, opts)
	env.emulatorOnly(t)
	return env
}
