package acctest

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"regexp"

	"github.com/hashicorp/go-version"
)

// Products a Client can be.
const (
	ProductTerraform = "Terraform"
	ProductOpenTofu  = "OpenTofu"
)

// Registry hosts under which a short source such as mintlify/mintlify is
// resolved: Terraform's, and OpenTofu's own.
const (
	hostTerraform = "registry.terraform.io"
	hostOpenTofu  = "registry.opentofu.org"
)

var registryHosts = []string{hostTerraform, hostOpenTofu}

// Client is a Terraform-compatible command line: Terraform or OpenTofu.
type Client struct {
	Path    string
	Product string
	Version *version.Version
}

// IsOpenTofu reports whether the client is OpenTofu.
func (c *Client) IsOpenTofu() bool { return c.Product == ProductOpenTofu }

// String is how the client names itself, such as "OpenTofu v1.12.6".
func (c *Client) String() string { return c.Product + " v" + c.Version.String() }

// RegistryHost is where the client resolves a provider's short source.
func (c *Client) RegistryHost() string {
	if c.IsOpenTofu() {
		return hostOpenTofu
	}
	return hostTerraform
}

var versionLine = regexp.MustCompile(`^(Terraform|OpenTofu) v(\S+)`)

// DetectClient runs `path version` and reads which product and version it
// is. Lines before the version line (a CLI configuration warning, say) are
// skipped; `version -json` cannot tell OpenTofu from Terraform.
func DetectClient(path string) (*Client, error) {
	cmd := exec.Command(path, "version")
	cmd.Env = append(os.Environ(), "CHECKPOINT_DISABLE=1")
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("%s version: %w", path, err)
	}
	scanner := bufio.NewScanner(bytes.NewReader(out))
	for scanner.Scan() {
		if m := versionLine.FindStringSubmatch(scanner.Text()); m != nil {
			v, err := version.NewVersion(m[2])
			if err != nil {
				return nil, fmt.Errorf("%s version: %w", path, err)
			}
			return &Client{Path: path, Product: m[1], Version: v}, nil
		}
	}
	return nil, fmt.Errorf("%s version printed no Terraform or OpenTofu version:\n%s", path, out)
}

// PrepareTestEnv readies this process's environment for tests that run the
// client (TF_ACC_TERRAFORM_PATH, else terraform on PATH), and returns it:
//   - a TF_CLI_CONFIG_FILE naming a file that does not exist is dropped:
//     every client then prints a warning, which OpenTofu writes where
//     terraform-plugin-testing reads the version;
//   - on OpenTofu, terraform-plugin-testing is told to serve the provider
//     under OpenTofu's registry host, where OpenTofu resolves its source.
func PrepareTestEnv() (*Client, error) {
	if f := os.Getenv("TF_CLI_CONFIG_FILE"); f != "" {
		if _, err := os.Stat(f); err != nil {
			if err := os.Unsetenv("TF_CLI_CONFIG_FILE"); err != nil {
				return nil, err
			}
		}
	}
	path, err := Terraform()
	if err != nil {
		return nil, fmt.Errorf("no terraform binary: set TF_ACC_TERRAFORM_PATH or put terraform on PATH: %w", err)
	}
	client, err := DetectClient(path)
	if err != nil {
		return nil, err
	}
	if client.IsOpenTofu() && os.Getenv("TF_ACC_PROVIDER_HOST") == "" {
		if err := os.Setenv("TF_ACC_PROVIDER_HOST", hostOpenTofu); err != nil {
			return nil, err
		}
	}
	return client, nil
}
