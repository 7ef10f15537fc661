package emulator

import (
	"net/http"
	"net/http/httptest"
	"net/netip"
	"strings"
	"testing"
)

func TestKeySettings(t *testing.T) {
	s := newServer(t, Options{
		ReadOnlyKeys: []string{"mint_read"},
		ExpiredKeys:  []string{"mint_expired"},
		IPAllowlists: map[string][]netip.Prefix{
			// httptest's requests come from 192.0.2.1.
			"mint_office":   {netip.MustParsePrefix("203.0.113.0/24")},
			"mint_test_net": {netip.MustParsePrefix("192.0.2.0/24")},
		},
		Keys: map[string][]string{"mint_read": {DefaultProjectID, "other"}},
	})
	jobs := "/v2/agent/" + DefaultProjectID + "/job"
	id := mustCreate(t, s, jobs, "x")
	cases := []struct {
		name, method, path, key, body string
		want                          int
		says                          string
	}{
		{"read-only key reads", "GET", jobs + "/" + id, "mint_read", "", 200, ""},
		{"read-only key writes", "POST", jobs, "mint_read", `{"prompt":"x"}`, 403, "does not have the write scope"},
		{"read-only key triggers", "POST", updatePath, "mint_read", "", 403, "does not have the write scope"},
		{"read-only key, its other project", "GET", "/v2/agent/other/job/" + id, "mint_read", "", 404, "not found"},
		{"expired key reads", "GET", jobs + "/" + id, "mint_expired", "", 401, "has expired"},
		{"expired key writes", "POST", previewPath, "mint_expired", `{"branch":"b"}`, 401, "has expired"},
		{"key from outside its allowlist", "GET", jobs + "/" + id, "mint_office", "", 403, "IP allowlist"},
		{"key from inside its allowlist", "POST", jobs, "mint_test_net", `{"prompt":"x"}`, 201, ""},
		{"key without the project", "POST", "/v2/agent/nope/job", "mint_test_net", `{"prompt":"x"}`, 403, "does not have access to this project"},
	}
	for _, tc := range cases {
		code, out := call(t, s, tc.method, tc.path, tc.key, tc.body)
		if msg, _ := out["error"].(string); code != tc.want || !strings.Contains(msg, tc.says) {
			t.Errorf("%s: HTTP %d %v; want %d saying %q", tc.name, code, out, tc.want, tc.says)
		}
	}
	if n := len(s.Jobs()); n != 2 {
		t.Errorf("%d jobs, want 2: a refused key's request took effect", n)
	}
}

func TestAllowlistReadsTheCallersAddress(t *testing.T) {
	k := apiKey{allowlist: []netip.Prefix{netip.MustParsePrefix("127.0.0.0/8"), netip.MustParsePrefix("2001:db8::/32")}}
	for remote, want := range map[string]bool{
		"127.0.0.1:5000": true, "[::ffff:127.0.0.1]:5000": true, "[2001:db8::1]:80": true,
		"10.0.0.1:5000": false, "[::1]:5000": false, "not an address": false,
	} {
		if got := k.allows(remote); got != want {
			t.Errorf("allows(%q) = %v, want %v", remote, got, want)
		}
	}
	req := httptest.NewRequest(http.MethodGet, "/", nil)
	if (&apiKey{}).allows(req.RemoteAddr) != true {
		t.Error("a key without an allowlist refused a caller")
	}
}
