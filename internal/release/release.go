// Package release builds, checks and serves the provider's release the way
// the Terraform Registry and the OpenTofu registry take it from GitHub: a zip
// per platform, SHA256SUMS, its detached GPG signature and the registry
// manifest. Its test (make test-release) builds the release with the pinned
// goreleaser, serves it on 127.0.0.1 through the provider registry protocol
// and has Terraform and OpenTofu install it with init.
package release

import (
	"archive/zip"
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
)

// Platform is an operating system and architecture, as the registry
// protocol names them.
type Platform struct {
	OS   string `json:"os"`
	Arch string `json:"arch"`
}

func (p Platform) String() string { return p.OS + "_" + p.Arch }

// Release is a provider release as goreleaser leaves it in its dist
// directory, and the files published with it.
type Release struct {
	// Dir is goreleaser's dist directory.
	Dir string
	// Type is the provider type: "mintlify" for terraform-provider-mintlify.
	Type    string
	Version string
	// Platforms are those the release was built for.
	Platforms []Platform
	// Manifest is the file published as the release's manifest
	// (terraform-registry-manifest.json of the repository).
	Manifest string
}

func (r *Release) prefix() string { return "terraform-provider-" + r.Type + "_" + r.Version }

// SumsName is the name of the release's SHA256SUMS file.
func (r *Release) SumsName() string { return r.prefix() + "_SHA256SUMS" }

// SignatureName is the name of SHA256SUMS' detached signature.
func (r *Release) SignatureName() string { return r.SumsName() + ".sig" }

// ManifestName is the name under which the manifest is published.
func (r *Release) ManifestName() string { return r.prefix() + "_manifest.json" }

// ArchiveName is the name the Registry requires of a platform's zip.
func (r *Release) ArchiveName(p Platform) string { return r.prefix() + "_" + p.String() + ".zip" }

// BinaryName is the name the Registry requires of the binary in a zip.
func (r *Release) BinaryName(p Platform) string {
	name := "terraform-provider-" + r.Type + "_v" + r.Version
	if p.OS == "windows" {
		name += ".exe"
	}
	return name
}

// Path is where a published file of the release is on disk.
func (r *Release) Path(name string) string {
	if name == r.ManifestName() {
		return r.Manifest
	}
	return filepath.Join(r.Dir, filepath.Base(name))
}

// Protocols are the plugin protocol versions the manifest declares.
func (r *Release) Protocols() ([]string, error) {
	b, err := os.ReadFile(r.Manifest)
	if err != nil {
		return nil, err
	}
	var m struct {
		Version  int `json:"version"`
		Metadata struct {
			ProtocolVersions []string `json:"protocol_versions"`
		} `json:"metadata"`
	}
	if err := json.Unmarshal(b, &m); err != nil {
		return nil, fmt.Errorf("%s: %w", r.Manifest, err)
	}
	if m.Version != 1 || len(m.Metadata.ProtocolVersions) == 0 {
		return nil, fmt.Errorf("%s: want version 1 and metadata.protocol_versions, got %s", r.Manifest, b)
	}
	return m.Metadata.ProtocolVersions, nil
}

// CheckArchives checks that Dir holds one zip per platform, named as the
// Registry requires, and no other zip; and that each zip holds exactly the
// binary, named as the Registry requires (executable, outside Windows), and
// the license.
func (r *Release) CheckArchives() error {
	var errs []error
	found, err := filepath.Glob(filepath.Join(r.Dir, "*.zip"))
	if err != nil {
		return err
	}
	var want, got []string
	for _, p := range r.Platforms {
		want = append(want, r.ArchiveName(p))
	}
	for _, f := range found {
		got = append(got, filepath.Base(f))
	}
	sort.Strings(want)
	sort.Strings(got)
	if !slices.Equal(want, got) {
		errs = append(errs, fmt.Errorf("archives in %s:\n  got  %s\n  want %s", r.Dir, strings.Join(got, " "), strings.Join(want, " ")))
	}
	for _, p := range r.Platforms {
		if err := r.checkArchive(p); err != nil {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}

func (r *Release) checkArchive(p Platform) error {
	name := r.ArchiveName(p)
	z, err := zip.OpenReader(r.Path(name))
	if err != nil {
		return err
	}
	defer z.Close()
	var files []string
	for _, f := range z.File {
		files = append(files, f.Name)
		if f.Name == r.BinaryName(p) && p.OS != "windows" && f.Mode()&0o111 == 0 {
			return fmt.Errorf("%s: %s is not executable (%s)", name, f.Name, f.Mode())
		}
	}
	sort.Strings(files)
	if want := []string{"LICENSE", r.BinaryName(p)}; !slices.Equal(files, want) {
		return fmt.Errorf("%s holds %s, want %s", name, strings.Join(files, " "), strings.Join(want, " "))
	}
	return nil
}

// BinarySHA256 is the SHA-256 of the binary in a platform's zip.
func (r *Release) BinarySHA256(p Platform) (string, error) {
	z, err := zip.OpenReader(r.Path(r.ArchiveName(p)))
	if err != nil {
		return "", err
	}
	defer z.Close()
	f, err := z.Open(r.BinaryName(p))
	if err != nil {
		return "", err
	}
	defer f.Close()
	return sha256Of(f)
}

// Sums reads SHA256SUMS: the hex SHA-256 of each file it lists, by name.
func (r *Release) Sums() (map[string]string, error) {
	b, err := os.ReadFile(r.Path(r.SumsName()))
	if err != nil {
		return nil, err
	}
	sums := map[string]string{}
	scanner := bufio.NewScanner(bytes.NewReader(b))
	for scanner.Scan() {
		sum, name, ok := strings.Cut(scanner.Text(), "  ")
		if _, err := hex.DecodeString(sum); !ok || err != nil || len(sum) != 64 || name == "" {
			return nil, fmt.Errorf("%s: not a line of sha256sum: %q", r.SumsName(), scanner.Text())
		}
		if _, dup := sums[name]; dup {
			return nil, fmt.Errorf("%s lists %s twice", r.SumsName(), name)
		}
		sums[name] = sum
	}
	return sums, scanner.Err()
}

// CheckSums checks that SHA256SUMS lists every archive and the manifest,
// each with the digest of the file, and nothing else. A SHA256SUMS that
// lists its own signature was rewritten after it was signed (goreleaser
// v2.15.0 and v2.15.1 do that), and its signature no longer verifies.
func (r *Release) CheckSums() error {
	sums, err := r.Sums()
	if err != nil {
		return err
	}
	want := []string{r.ManifestName()}
	for _, p := range r.Platforms {
		want = append(want, r.ArchiveName(p))
	}
	var errs []error
	for _, name := range want {
		listed, ok := sums[name]
		if !ok {
			errs = append(errs, fmt.Errorf("%s does not list %s", r.SumsName(), name))
			continue
		}
		delete(sums, name)
		actual, err := fileSHA256(r.Path(name))
		if err != nil {
			errs = append(errs, err)
		} else if actual != listed {
			errs = append(errs, fmt.Errorf("%s lists %s as %s, but its SHA-256 is %s", r.SumsName(), name, listed, actual))
		}
	}
	for name := range sums {
		if name == r.SignatureName() {
			errs = append(errs, fmt.Errorf("%s lists its own signature %s: it was rewritten after it was signed", r.SumsName(), name))
		} else {
			errs = append(errs, fmt.Errorf("%s lists %s, which is not an archive of the release or its manifest", r.SumsName(), name))
		}
	}
	return errors.Join(errs...)
}

func fileSHA256(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	return sha256Of(f)
}

func sha256Of(r io.Reader) (string, error) {
	h := sha256.New()
	if _, err := io.Copy(h, r); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}
