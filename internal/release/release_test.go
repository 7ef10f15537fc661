package release

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/mintlify/terraform-provider-mintlify/internal/provider/acctest"
)

// What make test-release passes to TestRelease.
const (
	// envClients lists the terraform and tofu binaries to install with.
	envClients = "MINTLIFY_RELEASE_CLIENTS"
	// envGoreleaser is the goreleaser module and version, the GNUmakefile's pin.
	envGoreleaser = "MINTLIFY_RELEASE_GORELEASER"
	// envTargets is "all" to build every platform of .goreleaser.yml, else
	// only this machine's.
	envTargets = "MINTLIFY_RELEASE_TARGETS"
)

// TestRelease builds the release as the release workflow does (the pinned
// goreleaser on .goreleaser.yml), signed with a key made for the test,
// checks it as the Registry and the clients do, then serves it on
// 127.0.0.1 through the provider registry protocol, over HTTPS with a CA
// made for the test, under a made-up registry host. Every client installs
// it with init and applies the demo job with the released binary against
// the emulator; a tampered archive and a signature by another key must each
// make init fail.
func TestRelease(t *testing.T) {
	paths := strings.Fields(os.Getenv(envClients))
	if len(paths) == 0 {
		t.Skip("the release test builds the release with goreleaser and installs it with each client: run make test-release")
	}
	goreleaser := os.Getenv(envGoreleaser)
	if goreleaser == "" {
		t.Fatalf("%s is not set: run make test-release, which passes the pinned goreleaser", envGoreleaser)
	}
	clients := detectClients(t, paths)
	root, err := acctest.ModuleRoot()
	if err != nil {
		t.Fatal(err)
	}
	ctx := t.Context()
	gnupg := t.TempDir()
	keys := newKeyring(t, filepath.Join(gnupg, "release"), "terraform-provider-mintlify release test <release-test@mintlify.test>")
	other := newKeyring(t, filepath.Join(gnupg, "other"), "Someone else <someone-else@mintlify.test>")

	start := time.Now()
	rel, err := Build(ctx, BuildOptions{
		Goreleaser: goreleaser,
		ModuleRoot: root,
		Dir:        t.TempDir(),
		Version:    changelogVersion(t, root),
		Keyring:    keys,
		AllTargets: os.Getenv(envTargets) == "all",
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%s built %s %s for %v in %s", goreleaser, rel.Type, rel.Version, rel.Platforms, time.Since(start).Round(time.Second))

	t.Run("archives", func(t *testing.T) {
		if err := rel.CheckArchives(); err != nil {
			t.Error(err)
		}
	})
	t.Run("SHA256SUMS", func(t *testing.T) {
		if err := rel.CheckSums(); err != nil {
			t.Error(err)
		}
	})
	t.Run("signature", func(t *testing.T) {
		if err := keys.Verify(ctx, rel.Path(rel.SignatureName()), rel.Path(rel.SumsName())); err != nil {
			t.Error(err)
		}
	})

	r := newRehearsal(t, rel, keys, other)
	var times []string
	for _, c := range clients {
		start := time.Now()
		t.Run(c.String(), func(t *testing.T) {
			t.Run("install and apply", func(t *testing.T) { r.installAndApply(t, c) })
			t.Run("tampered archive", func(t *testing.T) {
				r.initFails(t, c, variant{replace: r.tamperedArchive}, r.checksumMismatch(t))
			})
			t.Run("foreign signature", func(t *testing.T) {
				r.initFails(t, c, variant{replace: r.foreignSignature}, unknownIssuer)
			})
			t.Run("no signing key", func(t *testing.T) {
				r.initFails(t, c, variant{unsigned: true}, unknownIssuer)
			})
			if c.IsOpenTofu() {
				t.Run("its registry without a signing key", func(t *testing.T) { r.openTofuWithoutKey(t, c) })
			}
		})
		times = append(times, fmt.Sprintf("%s %s", c, time.Since(start).Round(100*time.Millisecond)))
	}
	t.Logf("release %s on %s/%s; per client: %s", rel.Version, runtime.GOOS, runtime.GOARCH, strings.Join(times, ", "))
}

// detectClients reads which product and version each path is, once per
// version.
func detectClients(t *testing.T, paths []string) []*acctest.Client {
	t.Helper()
	var clients []*acctest.Client
	seen := map[string]bool{}
	for _, p := range paths {
		c, err := acctest.DetectClient(p)
		if err != nil {
			t.Fatal(err)
		}
		if !seen[c.String()] {
			seen[c.String()] = true
			clients = append(clients, c)
		}
	}
	return clients
}

func newKeyring(t *testing.T, home, uid string) *Keyring {
	t.Helper()
	k, err := NewKeyring(t.Context(), home, uid)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := k.Close(); err != nil {
			t.Error(err)
		}
	})
	return k
}

// changelogVersion is the version of CHANGELOG.md's newest heading: the
// one the next release will carry.
func changelogVersion(t *testing.T, root string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(root, "CHANGELOG.md"))
	if err != nil {
		t.Fatal(err)
	}
	h, err := NewestHeading(b)
	if err != nil {
		t.Fatal(err)
	}
	return h.Version
}
