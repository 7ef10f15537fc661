package release

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsimple"
	"golang.org/x/mod/sumdb/dirhash"
)

// lockFile is what a dependency lock file (.terraform.lock.hcl) says of
// each provider.
type lockFile struct {
	Providers []struct {
		Address string   `hcl:"address,label"`
		Version string   `hcl:"version"`
		Hashes  []string `hcl:"hashes"`
		Rest    hcl.Body `hcl:",remain"`
	} `hcl:"provider,block"`
}

// LockedHashes reads the version and hashes that the lock file at path
// records for the provider address, such as
// registry.terraform.io/mintlify/mintlify.
func LockedHashes(path, address string) (string, []string, error) {
	var lf lockFile
	if err := hclsimple.DecodeFile(path, nil, &lf); err != nil {
		return "", nil, err
	}
	for _, p := range lf.Providers {
		if p.Address == address {
			return p.Version, p.Hashes, nil
		}
	}
	return "", nil, fmt.Errorf("%s records no provider %s", path, address)
}

// CheckLockedHashes checks that hashes are what a client records when it
// installs this release from a registry for platform installed: a zh: hash
// for each file that the signed SHA256SUMS lists (its SHA-256: the
// archives, and the manifest too), and the h1: hash of the contents of the
// archive installed. Nothing else.
func (r *Release) CheckLockedHashes(hashes []string, installed Platform) error {
	sums, err := r.Sums()
	if err != nil {
		return err
	}
	h1, err := dirhash.HashZip(r.Path(r.ArchiveName(installed)), dirhash.Hash1)
	if err != nil {
		return err
	}
	want := []string{h1}
	for _, sum := range sums {
		want = append(want, "zh:"+sum)
	}
	sort.Strings(want)
	got := slices.Sorted(slices.Values(hashes))
	if !slices.Equal(got, want) {
		return fmt.Errorf("the lock file's hashes do not match the release:\n  got  %s\n  want %s",
			strings.Join(got, " "), strings.Join(want, " "))
	}
	return nil
}
