package release

import (
	"crypto/tls"
	"encoding/json"
	"errors"
	"net"
	"net/http"
	"os"
	"slices"
	"sync"
	"time"
)

// ProvidersPath is where the registry serves the providers.v1 service.
const ProvidersPath = "/v1/providers/"

// SigningKey is a public key as the registry protocol publishes it.
type SigningKey struct {
	KeyID      string `json:"key_id"`
	ASCIIArmor string `json:"ascii_armor"`
}

// Registry serves one release through the provider registry protocol that
// Terraform and OpenTofu install providers with
// (https://developer.hashicorp.com/terraform/internals/provider-registry-protocol):
// service discovery, the list of versions, and per platform a download
// answer naming the archive, its SHA-256, SHA256SUMS, its signature and the
// keys that may have signed it. The files themselves are served under
// /files/.
type Registry struct {
	Release   *Release
	Namespace string
	// SigningKeys are the provider's public keys: the signature of
	// SHA256SUMS must be by one of them.
	SigningKeys []SigningKey
	// Replace serves other bytes for a file of the release, by name: a test
	// serves a tampered archive, or a signature by another key, with it.
	// The download answer still gives the SHA-256 that SHA256SUMS lists.
	Replace map[string][]byte

	once     sync.Once
	mux      *http.ServeMux
	mu       sync.Mutex
	requests []string
}

func (g *Registry) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	g.once.Do(func() {
		g.mux = http.NewServeMux()
		g.mux.HandleFunc("GET /.well-known/terraform.json", g.discovery)
		g.mux.HandleFunc("GET "+ProvidersPath+"{namespace}/{type}/versions", g.versions)
		g.mux.HandleFunc("GET "+ProvidersPath+"{namespace}/{type}/{version}/download/{os}/{arch}", g.download)
		g.mux.HandleFunc("GET /files/{name}", g.file)
	})
	g.mu.Lock()
	g.requests = append(g.requests, r.URL.Path)
	g.mu.Unlock()
	g.mux.ServeHTTP(w, r)
}

// Requests are the paths requested so far.
func (g *Registry) Requests() []string {
	g.mu.Lock()
	defer g.mu.Unlock()
	return slices.Clone(g.requests)
}

func (g *Registry) discovery(w http.ResponseWriter, _ *http.Request) {
	writeJSON(w, http.StatusOK, map[string]string{"providers.v1": ProvidersPath})
}

// provider answers 404 unless the request names the release's provider.
func (g *Registry) provider(w http.ResponseWriter, r *http.Request) bool {
	if r.PathValue("namespace") != g.Namespace || r.PathValue("type") != g.Release.Type {
		notFound(w)
		return false
	}
	return true
}

func (g *Registry) versions(w http.ResponseWriter, r *http.Request) {
	if !g.provider(w, r) {
		return
	}
	protocols, err := g.Release.Protocols()
	if err != nil {
		serverError(w, err)
		return
	}
	type version struct {
		Version   string     `json:"version"`
		Protocols []string   `json:"protocols"`
		Platforms []Platform `json:"platforms"`
	}
	writeJSON(w, http.StatusOK, map[string]any{
		"versions": []version{{Version: g.Release.Version, Protocols: protocols, Platforms: g.Release.Platforms}},
	})
}

func (g *Registry) download(w http.ResponseWriter, r *http.Request) {
	p := Platform{OS: r.PathValue("os"), Arch: r.PathValue("arch")}
	if !g.provider(w, r) {
		return
	}
	if r.PathValue("version") != g.Release.Version || !slices.Contains(g.Release.Platforms, p) {
		notFound(w)
		return
	}
	protocols, err := g.Release.Protocols()
	if err != nil {
		serverError(w, err)
		return
	}
	sums, err := g.Release.Sums()
	if err != nil {
		serverError(w, err)
		return
	}
	archive := g.Release.ArchiveName(p)
	shasum, ok := sums[archive]
	if !ok {
		serverError(w, errors.New(g.Release.SumsName()+" does not list "+archive))
		return
	}
	files := "https://" + r.Host + "/files/"
	writeJSON(w, http.StatusOK, map[string]any{
		"protocols":             protocols,
		"os":                    p.OS,
		"arch":                  p.Arch,
		"filename":              archive,
		"download_url":          files + archive,
		"shasums_url":           files + g.Release.SumsName(),
		"shasums_signature_url": files + g.Release.SignatureName(),
		"shasum":                shasum,
		"signing_keys":          map[string]any{"gpg_public_keys": append([]SigningKey{}, g.SigningKeys...)},
	})
}

func (g *Registry) file(w http.ResponseWriter, r *http.Request) {
	name := r.PathValue("name")
	if b, ok := g.Replace[name]; ok {
		w.Header().Set("Content-Type", "application/octet-stream")
		_, _ = w.Write(b)
		return
	}
	published := []string{g.Release.SumsName(), g.Release.SignatureName(), g.Release.ManifestName()}
	for _, p := range g.Release.Platforms {
		published = append(published, g.Release.ArchiveName(p))
	}
	if !slices.Contains(published, name) {
		notFound(w)
		return
	}
	b, err := os.ReadFile(g.Release.Path(name))
	if err != nil {
		serverError(w, err)
		return
	}
	w.Header().Set("Content-Type", "application/octet-stream")
	_, _ = w.Write(b)
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

func notFound(w http.ResponseWriter) {
	writeJSON(w, http.StatusNotFound, map[string][]string{"errors": {"Not Found"}})
}

func serverError(w http.ResponseWriter, err error) {
	writeJSON(w, http.StatusInternalServerError, map[string][]string{"errors": {err.Error()}})
}

// Server is an HTTPS server on a free port of 127.0.0.1.
type Server struct {
	// URL is https://127.0.0.1:PORT.
	URL string
	srv *http.Server
}

// ServeTLS serves h with cert on a free port of 127.0.0.1.
func ServeTLS(h http.Handler, cert tls.Certificate) (*Server, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	srv := &http.Server{
		Handler:           h,
		TLSConfig:         &tls.Config{Certificates: []tls.Certificate{cert}, MinVersion: tls.VersionTLS12},
		ReadHeaderTimeout: 10 * time.Second,
	}
	go func() { _ = srv.ServeTLS(ln, "", "") }()
	return &Server{URL: "https://" + ln.Addr().String(), srv: srv}, nil
}

// Close stops the server.
func (s *Server) Close() error { return s.srv.Close() }
