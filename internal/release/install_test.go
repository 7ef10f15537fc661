package release

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/mintlify/terraform-provider-mintlify/internal/emulator"
	"github.com/mintlify/terraform-provider-mintlify/internal/provider/acctest"
)

const (
	// registryHost is the made-up registry the clients install from: a
	// host block in their CLI configuration points it at the local server.
	registryHost = "registry.mintlify.test"
	namespace    = "mintlify"
)

// rehearsal installs one release with the clients, from local registries
// that serve it as published or altered.
type rehearsal struct {
	release *Release
	key     SigningKey
	ca      *CA
	caFile  string
	host    Platform
	// tamperedArchive is this platform's archive with its binary altered;
	// foreignSignature is SHA256SUMS signed by another key.
	tamperedArchive, foreignSignature map[string][]byte
}

func newRehearsal(t *testing.T, rel *Release, keys, other *Keyring) *rehearsal {
	t.Helper()
	ctx := t.Context()
	armor, err := keys.ArmoredPublicKey(ctx)
	if err != nil {
		t.Fatal(err)
	}
	ca, err := NewCA()
	if err != nil {
		t.Fatal(err)
	}
	caFile := filepath.Join(t.TempDir(), "ca.pem")
	if err := os.WriteFile(caFile, ca.PEM, 0o600); err != nil {
		t.Fatal(err)
	}
	r := &rehearsal{
		release: rel,
		key:     SigningKey{KeyID: keys.KeyID(), ASCIIArmor: armor},
		ca:      ca,
		caFile:  caFile,
		host:    Platform{OS: runtime.GOOS, Arch: runtime.GOARCH},
	}
	tampered, err := tamper(rel.Path(rel.ArchiveName(r.host)), rel.BinaryName(r.host))
	if err != nil {
		t.Fatal(err)
	}
	r.tamperedArchive = map[string][]byte{rel.ArchiveName(r.host): tampered}
	sig, err := other.DetachSign(ctx, rel.Path(rel.SumsName()))
	if err != nil {
		t.Fatal(err)
	}
	r.foreignSignature = map[string][]byte{rel.SignatureName(): sig}
	return r
}

// tamper rewrites a zip with bytes appended to one file in it.
func tamper(path, name string) ([]byte, error) {
	z, err := zip.OpenReader(path)
	if err != nil {
		return nil, err
	}
	defer z.Close()
	var buf bytes.Buffer
	w := zip.NewWriter(&buf)
	for _, f := range z.File {
		src, err := f.Open()
		if err != nil {
			return nil, err
		}
		dst, err := w.CreateHeader(&f.FileHeader)
		if err == nil {
			_, err = io.Copy(dst, src)
		}
		if err == nil && f.Name == name {
			_, err = dst.Write([]byte("tampered"))
		}
		_ = src.Close()
		if err != nil {
			return nil, err
		}
	}
	if err := w.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// variant is how a registry serves the release: as published, or altered.
type variant struct {
	// host is the registry's host name in the source address; the made-up
	// one when empty.
	host string
	// replace serves these files instead of the release's, by name. The
	// download answers still give the SHA-256 that SHA256SUMS lists.
	replace map[string][]byte
	// unsigned publishes no signing key.
	unsigned bool
}

// attempt is one client's init of the demo configuration, its provider
// from a registry that serves the release as a variant says.
type attempt struct {
	release *Release
	host    Platform
	v       variant
	reg     *Registry
	ws      *acctest.Workspace
}

// attempt starts the variant's registry and writes the workspace: the demo
// configuration, its provider from the registry's host at the release's
// version, and a CLI configuration whose host block points that host at
// the registry, and which installs providers from nowhere else.
func (r *rehearsal) attempt(t *testing.T, c *acctest.Client, v variant) *attempt {
	t.Helper()
	if v.host == "" {
		v.host = registryHost
	}
	cert, err := r.ca.ServerCertificate("127.0.0.1")
	if err != nil {
		t.Fatal(err)
	}
	a := &attempt{release: r.release, host: r.host, v: v,
		reg: &Registry{Release: r.release, Namespace: namespace, Replace: v.replace}}
	if !v.unsigned {
		a.reg.SigningKeys = []SigningKey{r.key}
	}
	srv, err := ServeTLS(a.reg, cert)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = srv.Close() })

	cli := fmt.Sprintf(`host %q {
  services = {
    "providers.v1" = %q
  }
}

provider_installation {
  direct {
    include = [%q]
  }
}
`, v.host, srv.URL+ProvidersPath, v.host+"/*/*")
	if a.ws, err = acctest.NewWorkspaceWithCLIConfig(t.TempDir(), cli, c.Path); err != nil {
		t.Fatal(err)
	}
	a.ws.Env = append(a.ws.Env, "SSL_CERT_FILE="+r.caFile)
	root, err := acctest.ModuleRoot()
	if err != nil {
		t.Fatal(err)
	}
	demo, err := os.ReadFile(filepath.Join(root, "examples", "demo", "main.tf"))
	if err != nil {
		t.Fatal(err)
	}
	const source = `source = "mintlify/mintlify"`
	if bytes.Count(demo, []byte(source)) != 1 {
		t.Fatalf("examples/demo/main.tf has no single %s", source)
	}
	demo = bytes.Replace(demo, []byte(source),
		fmt.Appendf(nil, "source  = %q\n      version = %q", a.address(), r.release.Version), 1)
	if err := os.WriteFile(filepath.Join(a.ws.Dir, "main.tf"), demo, 0o600); err != nil {
		t.Fatal(err)
	}
	return a
}

// init runs init with extraEnv.
func (a *attempt) init(t *testing.T, extraEnv ...string) (string, error) {
	return a.ws.Run(t.Context(), extraEnv, "init", "-input=false", "-no-color")
}

// address is the provider's source address on the registry's host.
func (a *attempt) address() string { return a.v.host + "/" + namespace + "/" + a.release.Type }

// installDir is where init unpacks the release's archive for this machine.
func (a *attempt) installDir() string {
	return filepath.Join(a.ws.Dir, ".terraform", "providers", a.v.host, namespace, a.release.Type,
		a.release.Version, a.host.String())
}

// downloaded checks that init downloaded these files of the release.
func (a *attempt) downloaded(t *testing.T, names ...string) {
	t.Helper()
	for _, name := range names {
		if !slices.Contains(a.reg.Requests(), "/files/"+name) {
			t.Errorf("init did not download %s; requests: %v", name, a.reg.Requests())
		}
	}
}

// installAndApply has the client install the release with init, checks
// what it installed and locked, and applies the demo job with it.
func (r *rehearsal) installAndApply(t *testing.T, c *acctest.Client) {
	a := r.attempt(t, c, variant{})
	out, err := a.init(t)
	if err != nil {
		t.Fatal(err)
	}
	if want := "key ID " + r.key.KeyID; !strings.Contains(out, want) {
		t.Errorf("init does not say the provider is signed (%q):\n%s", want, out)
	}
	t.Logf("%s init: %s", c, grep(out, "Installed ", 1))
	a.downloaded(t, r.release.SumsName(), r.release.SignatureName(), r.release.ArchiveName(r.host))

	installed := filepath.Join(a.installDir(), r.release.BinaryName(r.host))
	got, err := fileSHA256(installed)
	if err != nil {
		t.Fatal(err)
	}
	if want, err := r.release.BinarySHA256(r.host); err != nil || got != want {
		t.Errorf("installed binary %s has SHA-256 %s, the release's %s (%v)", installed, got, want, err)
	}
	version, hashes, err := LockedHashes(filepath.Join(a.ws.Dir, ".terraform.lock.hcl"), a.address())
	if err != nil {
		t.Fatal(err)
	}
	if version != r.release.Version {
		t.Errorf("the lock file records version %s, want %s", version, r.release.Version)
	}
	if err := r.release.CheckLockedHashes(hashes, r.host); err != nil {
		t.Error(err)
	}

	ctx := t.Context()
	emu := emulator.Start(t, emulator.Options{Jobs: emulator.JobOptions{Duration: 2 * time.Second}})
	if _, err := a.ws.Run(ctx, nil, "apply", "-input=false", "-auto-approve", "-no-color", "-var", "base_url="+emu.URL()); err != nil {
		t.Fatal(err)
	}
	status, err := a.ws.Run(ctx, nil, "output", "-raw", "status")
	if err != nil || status != "completed" {
		t.Errorf("the demo job's status is %q, want completed (%v)", status, err)
	}
	agent := "terraform-provider-mintlify/" + r.release.Version + " "
	for _, req := range emu.Requests() {
		if !strings.HasPrefix(req.UserAgent, agent) {
			t.Errorf("%s %s came from %q, not the released provider (%s...)", req.Method, req.Path, req.UserAgent, agent)
		}
	}
	if emu.CountRequests("POST", "") == 0 {
		t.Error("the apply sent no request to create the job")
	}
}

// unknownIssuer is what Terraform and OpenTofu say of a signature by no key
// the registry published.
var unknownIssuer = regexp.MustCompile(`authentication signature from unknown issuer`)

// checksumMismatch is what Terraform and OpenTofu say of an archive whose
// SHA-256 is not what the registry and SHA256SUMS say.
func (r *rehearsal) checksumMismatch(t *testing.T) *regexp.Regexp {
	sums, err := r.release.Sums()
	if err != nil {
		t.Fatal(err)
	}
	return regexp.MustCompile(`archive has incorrect checksum zh:[0-9a-f]{64} \(expected zh:` + sums[r.release.ArchiveName(r.host)] + `\)`)
}

// initFails has the client run init against a registry that serves the
// release as v says, with extraEnv, and checks that init fails with a
// message matching want, having installed nothing.
func (r *rehearsal) initFails(t *testing.T, c *acctest.Client, v variant, want *regexp.Regexp, extraEnv ...string) {
	a := r.attempt(t, c, v)
	out, err := a.init(t, extraEnv...)
	if err == nil {
		t.Fatalf("init succeeded:\n%s", out)
	}
	// Clients wrap their messages to the width of a terminal.
	if !want.MatchString(strings.Join(strings.Fields(out), " ")) {
		t.Errorf("init failed, but not with %s:\n%s", want, out)
	}
	a.downloaded(t, slices.Collect(maps.Keys(v.replace))...)
	// OpenTofu leaves a file lock (linux_amd64.lock) beside where the
	// package would be.
	if _, err := os.Stat(a.installDir()); err == nil {
		t.Errorf("init failed, but installed the provider in %s", a.installDir())
	}
	if _, err := os.Stat(filepath.Join(a.ws.Dir, ".terraform.lock.hcl")); err == nil {
		t.Error("init failed, but wrote a lock file")
	}
	t.Logf("%s init fails: %s", c, grep(out, "Error", 8))
}

// openTofuHost is where OpenTofu resolves mintlify/mintlify.
const openTofuHost = "registry.opentofu.org"

// openTofuWithoutKey shows the one case in which OpenTofu checks no
// signature: a provider on its own registry host for which the registry
// publishes no signing key (a concession to providers whose keys the
// OpenTofu registry does not know). It then installs a release signed by
// anyone, unless OPENTOFU_ENFORCE_GPG_VALIDATION=true. So the provider's key
// must be submitted to the OpenTofu registry.
func (r *rehearsal) openTofuWithoutKey(t *testing.T, c *acctest.Client) {
	v := variant{host: openTofuHost, unsigned: true, replace: r.foreignSignature}
	t.Run("installs", func(t *testing.T) {
		a := r.attempt(t, c, v)
		out, err := a.init(t)
		if err != nil {
			t.Fatalf("%s now refuses a provider of its registry without a signing key: "+
				"update this test and CONTRIBUTING's OpenTofu registry section\n%v", c, err)
		}
		a.downloaded(t, r.release.SumsName(), r.release.ArchiveName(r.host))
		t.Logf("%s installs it: %s", c, grep(out, "Installed ", 1))
	})
	t.Run("OPENTOFU_ENFORCE_GPG_VALIDATION=true", func(t *testing.T) {
		r.initFails(t, c, v, unknownIssuer, "OPENTOFU_ENFORCE_GPG_VALIDATION=true")
	})
}

// grep is what out says from its first line that contains s: at most n
// lines, without the boxes that clients draw around diagnostics.
func grep(out, s string, n int) string {
	lines := strings.Split(out, "\n")
	for i, l := range lines {
		if !strings.Contains(l, s) {
			continue
		}
		var keep []string
		for _, l := range lines[i:] {
			if l = strings.TrimSpace(strings.Trim(l, "│╷╵ ")); l != "" {
				keep = append(keep, l)
			}
			if len(keep) == n {
				break
			}
		}
		return strings.Join(keep, " ")
	}
	return "(no line with " + s + ")"
}
