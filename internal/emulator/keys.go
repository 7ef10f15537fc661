package emulator

import (
	"net/http"
	"net/netip"
)

// apiKey is what the server knows of an API key: the projects it may use
// and what Mintlify's key settings limit it to.
type apiKey struct {
	projects map[string]bool
	// readOnly keys have the read scope only: GET and HEAD.
	readOnly bool
	expired  bool
	// allowlist is the ranges a caller must come from; empty, any.
	allowlist []netip.Prefix
}

// newKeys is every key opts name, with what each may do.
func newKeys(opts Options) map[string]*apiKey {
	keys := map[string]*apiKey{}
	grant := func(key string, projects ...string) *apiKey {
		k := keys[key]
		if k == nil {
			k = &apiKey{projects: map[string]bool{}}
			keys[key] = k
		}
		for _, p := range projects {
			k.projects[p] = true
		}
		return k
	}
	grant(opts.APIKey, opts.ProjectID)
	for key, projects := range opts.Keys {
		grant(key, projects...)
	}
	// A key named only for its settings may use the default project.
	setting := func(key string) *apiKey {
		if k := keys[key]; k != nil {
			return k
		}
		return grant(key, opts.ProjectID)
	}
	for _, key := range opts.ReadOnlyKeys {
		setting(key).readOnly = true
	}
	for _, key := range opts.ExpiredKeys {
		setting(key).expired = true
	}
	for key, ranges := range opts.IPAllowlists {
		k := setting(key)
		k.allowlist = append(k.allowlist, ranges...)
	}
	return keys
}

// refusal is why k may not make r, "" when it may, with the status to
// answer.
func (k *apiKey) refusal(r *http.Request) (int, string) {
	switch {
	case k.expired:
		return http.StatusUnauthorized, "This API key has expired. Create a new admin API key in the dashboard."
	case !k.allows(r.RemoteAddr):
		return http.StatusForbidden, "This API key does not accept requests from this IP address (it is not on the key's IP allowlist)"
	case k.readOnly && r.Method != http.MethodGet && r.Method != http.MethodHead:
		return http.StatusForbidden, "This API key does not have the write scope"
	case r.PathValue("projectId") != "" && !k.projects[r.PathValue("projectId")]:
		return http.StatusForbidden, "This API key does not have access to this project"
	}
	return 0, ""
}

// allows says whether a caller at remote (host:port) is on the key's
// allowlist.
func (k *apiKey) allows(remote string) bool {
	if len(k.allowlist) == 0 {
		return true
	}
	addr, err := netip.ParseAddrPort(remote)
	if err != nil {
		return false
	}
	for _, p := range k.allowlist {
		if p.Contains(addr.Addr().Unmap()) {
			return true
		}
	}
	return false
}
