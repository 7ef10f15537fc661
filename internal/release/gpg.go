package release

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"strings"
)

// Keyring is a throwaway GnuPG home holding one RSA signing key, made for a
// test. goreleaser signs with the gpg binary, so the key lives where gpg
// looks for it (GNUPGHOME), and nowhere else.
type Keyring struct {
	// Home is the GNUPGHOME.
	Home string
	// Fingerprint is the key's, as goreleaser's GPG_FINGERPRINT.
	Fingerprint string
}

// NewKeyring creates home and generates a passphrase-less key for uid in it.
func NewKeyring(ctx context.Context, home, uid string) (*Keyring, error) {
	if err := os.MkdirAll(home, 0o700); err != nil {
		return nil, err
	}
	k := &Keyring{Home: home}
	// RSA, as the Terraform Registry asks of a provider's signing key.
	if _, err := k.gpg(ctx, "--passphrase", "", "--quick-gen-key", uid, "rsa3072", "sign", "never"); err != nil {
		return nil, err
	}
	out, err := k.gpg(ctx, "--with-colons", "--list-secret-keys")
	if err != nil {
		return nil, err
	}
	scanner := bufio.NewScanner(bytes.NewReader(out))
	for scanner.Scan() {
		if f := strings.Split(scanner.Text(), ":"); f[0] == "fpr" && len(f) > 9 {
			k.Fingerprint = f[9]
			break
		}
	}
	if k.Fingerprint == "" {
		return nil, fmt.Errorf("gpg listed no fingerprint for the new key:\n%s", out)
	}
	return k, nil
}

// Env is the environment under which gpg, and so goreleaser, uses this keyring.
func (k *Keyring) Env() []string {
	return []string{"GNUPGHOME=" + k.Home, "GPG_FINGERPRINT=" + k.Fingerprint}
}

// KeyID is the long key ID, as the registry protocol's key_id.
func (k *Keyring) KeyID() string { return k.Fingerprint[len(k.Fingerprint)-16:] }

// ArmoredPublicKey is the public key in ASCII armor, as a registry
// publishes it.
func (k *Keyring) ArmoredPublicKey(ctx context.Context) (string, error) {
	out, err := k.gpg(ctx, "--armor", "--export", k.Fingerprint)
	return string(out), err
}

// DetachSign signs file as .goreleaser.yml's signs section does.
func (k *Keyring) DetachSign(ctx context.Context, file string) ([]byte, error) {
	return k.gpg(ctx, "--local-user", k.Fingerprint, "--output", "-", "--detach-sign", file)
}

// Verify checks a detached signature of file, as `gpg --verify` does, and
// that this keyring's key made it.
func (k *Keyring) Verify(ctx context.Context, signature, file string) error {
	out, err := k.gpg(ctx, "--status-fd", "1", "--verify", signature, file)
	if err != nil {
		return fmt.Errorf("gpg --verify %s: %w", signature, err)
	}
	if !bytes.Contains(out, []byte("[GNUPG:] VALIDSIG "+k.Fingerprint+" ")) {
		return fmt.Errorf("gpg --verify %s: no valid signature by %s:\n%s", signature, k.Fingerprint, out)
	}
	return nil
}

// Close stops the gpg-agent that gpg started for this home.
func (k *Keyring) Close() error {
	cmd := exec.Command("gpgconf", "--kill", "gpg-agent")
	cmd.Env = append(os.Environ(), "GNUPGHOME="+k.Home)
	if out, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("gpgconf --kill gpg-agent: %v\n%s", err, out)
	}
	return nil
}

// gpg runs gpg in batch mode on this keyring and returns its standard
// output; an error carries what it printed.
func (k *Keyring) gpg(ctx context.Context, args ...string) ([]byte, error) {
	cmd := exec.CommandContext(ctx, "gpg", append([]string{"--batch", "--no-tty"}, args...)...)
	cmd.Env = append(os.Environ(), "GNUPGHOME="+k.Home)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		return nil, fmt.Errorf("gpg %s: %v\n%s%s", strings.Join(args, " "), err, stderr.Bytes(), stdout.Bytes())
	}
	return stdout.Bytes(), nil
}
