package release

import (
	"archive/zip"
	"crypto/tls"
	"crypto/x509"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"golang.org/x/mod/sumdb/dirhash"
)

// fakeRelease writes a release of one platform as goreleaser lays it out,
// without goreleaser and unsigned: a zip, the manifest and SHA256SUMS, with
// these extra lines in SHA256SUMS.
func fakeRelease(t *testing.T, extraSums ...string) *Release {
	t.Helper()
	dir := t.TempDir()
	rel := &Release{Dir: dir, Type: "mintlify", Version: "1.2.3", Platforms: []Platform{{"linux", "amd64"}},
		Manifest: filepath.Join(dir, "terraform-registry-manifest.json")}
	p := rel.Platforms[0]
	f, err := os.Create(rel.Path(rel.ArchiveName(p)))
	if err != nil {
		t.Fatal(err)
	}
	z := zip.NewWriter(f)
	for name, mode := range map[string]os.FileMode{rel.BinaryName(p): 0o755, "LICENSE": 0o644} {
		h := &zip.FileHeader{Name: name, Method: zip.Deflate}
		h.SetMode(mode)
		w, err := z.CreateHeader(h)
		if err == nil {
			_, err = w.Write([]byte("contents of " + name))
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	if err := z.Close(); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(rel.Manifest, []byte(`{"version": 1, "metadata": {"protocol_versions": ["6.0"]}}`), 0o600); err != nil {
		t.Fatal(err)
	}
	var sums []string
	for _, name := range []string{rel.ArchiveName(p), rel.ManifestName()} {
		sum, err := fileSHA256(rel.Path(name))
		if err != nil {
			t.Fatal(err)
		}
		sums = append(sums, sum+"  "+name)
	}
	sums = append(sums, extraSums...)
	if err := os.WriteFile(rel.Path(rel.SumsName()), []byte(strings.Join(sums, "\n")), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(rel.Path(rel.SignatureName()), []byte("signature"), 0o600); err != nil {
		t.Fatal(err)
	}
	return rel
}

func TestReleaseChecks(t *testing.T) {
	rel := fakeRelease(t)
	if err := rel.CheckArchives(); err != nil {
		t.Error(err)
	}
	if err := rel.CheckSums(); err != nil {
		t.Error(err)
	}
}

// A goreleaser that rewrites SHA256SUMS after signing it lists the
// signature in it (goreleaser v2.15.0 and v2.15.1).
func TestCheckSumsRejectsItsOwnSignature(t *testing.T) {
	rel := fakeRelease(t, strings.Repeat("0", 64)+"  terraform-provider-mintlify_1.2.3_SHA256SUMS.sig")
	err := rel.CheckSums()
	if err == nil || !strings.Contains(err.Error(), "lists its own signature terraform-provider-mintlify_1.2.3_SHA256SUMS.sig: it was rewritten after it was signed") {
		t.Errorf("CheckSums: %v", err)
	}
}

func TestCheckArchivesNames(t *testing.T) {
	rel := fakeRelease(t)
	wrong := filepath.Join(rel.Dir, "terraform-provider-mintlify_1.2.3_linux_x86_64.zip")
	if err := os.Rename(rel.Path(rel.ArchiveName(rel.Platforms[0])), wrong); err != nil {
		t.Fatal(err)
	}
	err := rel.CheckArchives()
	if err == nil || !strings.Contains(err.Error(), "got  terraform-provider-mintlify_1.2.3_linux_x86_64.zip") {
		t.Errorf("CheckArchives: %v", err)
	}
}

func TestCheckLockedHashes(t *testing.T) {
	rel := fakeRelease(t)
	sums, err := rel.Sums()
	if err != nil {
		t.Fatal(err)
	}
	zh := []string{"zh:" + sums[rel.ArchiveName(rel.Platforms[0])], "zh:" + sums[rel.ManifestName()]}
	if err := rel.CheckLockedHashes(zh, rel.Platforms[0]); err == nil {
		t.Error("CheckLockedHashes passed without the h1: hash of the installed archive")
	}
	h1, err := dirhash.HashZip(rel.Path(rel.ArchiveName(rel.Platforms[0])), dirhash.Hash1)
	if err != nil {
		t.Fatal(err)
	}
	if err := rel.CheckLockedHashes(append(zh, h1), rel.Platforms[0]); err != nil {
		t.Error(err)
	}
}

func TestRegistryProtocol(t *testing.T) {
	rel := fakeRelease(t)
	ca, err := NewCA()
	if err != nil {
		t.Fatal(err)
	}
	cert, err := ca.ServerCertificate("127.0.0.1")
	if err != nil {
		t.Fatal(err)
	}
	key := SigningKey{KeyID: "0123456789ABCDEF", ASCIIArmor: "-----BEGIN PGP PUBLIC KEY BLOCK-----"}
	reg := &Registry{Release: rel, Namespace: "mintlify", SigningKeys: []SigningKey{key},
		Replace: map[string][]byte{rel.SignatureName(): []byte("another signature")}}
	srv, err := ServeTLS(reg, cert)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = srv.Close() })
	roots := x509.NewCertPool()
	roots.AppendCertsFromPEM(ca.PEM)
	client := &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{RootCAs: roots, MinVersion: tls.VersionTLS12}}}
	get := func(path string, want int) []byte {
		t.Helper()
		resp, err := client.Get(srv.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, err := io.ReadAll(resp.Body)
		if err != nil {
			t.Fatal(err)
		}
		if resp.StatusCode != want {
			t.Errorf("GET %s: %d, want %d: %s", path, resp.StatusCode, want, b)
		}
		return b
	}
	decode := func(b []byte) map[string]any {
		t.Helper()
		var v map[string]any
		if err := json.Unmarshal(b, &v); err != nil {
			t.Fatalf("%v: %s", err, b)
		}
		return v
	}

	if got := decode(get("/.well-known/terraform.json", 200)); got["providers.v1"] != ProvidersPath {
		t.Errorf("discovery: %v", got)
	}
	versions := decode(get(ProvidersPath+"mintlify/mintlify/versions", 200))
	want := map[string]any{"versions": []any{map[string]any{
		"version": "1.2.3", "protocols": []any{"6.0"}, "platforms": []any{map[string]any{"os": "linux", "arch": "amd64"}},
	}}}
	if !reflect.DeepEqual(versions, want) {
		t.Errorf("versions: %v, want %v", versions, want)
	}
	download := decode(get(ProvidersPath+"mintlify/mintlify/1.2.3/download/linux/amd64", 200))
	sums, err := rel.Sums()
	if err != nil {
		t.Fatal(err)
	}
	files := srv.URL + "/files/"
	for field, want := range map[string]any{
		"filename":              "terraform-provider-mintlify_1.2.3_linux_amd64.zip",
		"download_url":          files + "terraform-provider-mintlify_1.2.3_linux_amd64.zip",
		"shasums_url":           files + "terraform-provider-mintlify_1.2.3_SHA256SUMS",
		"shasums_signature_url": files + "terraform-provider-mintlify_1.2.3_SHA256SUMS.sig",
		"shasum":                sums["terraform-provider-mintlify_1.2.3_linux_amd64.zip"],
		"os":                    "linux",
		"arch":                  "amd64",
		"protocols":             []any{"6.0"},
		"signing_keys": map[string]any{"gpg_public_keys": []any{
			map[string]any{"key_id": key.KeyID, "ascii_armor": key.ASCIIArmor},
		}},
	} {
		if !reflect.DeepEqual(download[field], want) {
			t.Errorf("download %s: %v, want %v", field, download[field], want)
		}
	}
	zipped, err := os.ReadFile(rel.Path(rel.ArchiveName(rel.Platforms[0])))
	if err != nil {
		t.Fatal(err)
	}
	if got := get("/files/"+rel.ArchiveName(rel.Platforms[0]), 200); string(got) != string(zipped) {
		t.Error("the archive served is not the release's")
	}
	if got := get("/files/"+rel.SignatureName(), 200); string(got) != "another signature" {
		t.Errorf("Replace: the signature served is %q", got)
	}
	get(ProvidersPath+"hashicorp/mintlify/versions", 404)
	get(ProvidersPath+"mintlify/mintlify/1.2.3/download/plan9/amd64", 404)
	get(ProvidersPath+"mintlify/mintlify/9.9.9/download/linux/amd64", 404)
	get("/files/goreleaser.yml", 404)
}
