// Command testmatrix runs the acceptance and end-to-end tests once per
// Terraform or OpenTofu client and says, per client, what ran: make
// test-matrix gives it the clients. A client on which a test fails, or on
// which a package passes no test at all (every test skipped), fails the
// matrix: a green run must have run something.
//
//	go run ./internal/cmd/testmatrix bin/terraform-1.5.7/terraform /usr/local/bin/terraform bin/tofu-1.12.6/tofu
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/mintlify/terraform-provider-mintlify/internal/provider/acctest"
)

// packages are the tests that run a client.
var packages = []string{"./internal/provider/", "./internal/e2e/"}

func main() {
	timeout := flag.Duration("timeout", 20*time.Minute, "go test -timeout for each client")
	flag.Parse()
	if flag.NArg() == 0 {
		fmt.Fprintln(os.Stderr, "usage: testmatrix CLIENT_PATH...")
		os.Exit(2)
	}
	var results []*result
	seen := map[string]bool{}
	for _, path := range flag.Args() {
		client, err := acctest.DetectClient(path)
		if err != nil {
			fmt.Fprintf(os.Stderr, "testmatrix: %v\n", err)
			os.Exit(1)
		}
		if seen[client.String()] {
			fmt.Printf("\n=== %s (%s): already in the matrix, not run twice\n", client, path)
			continue
		}
		seen[client.String()] = true
		fmt.Printf("\n=== %s (%s)\n", client, path)
		r, err := run(client, *timeout)
		if err != nil {
			fmt.Fprintf(os.Stderr, "testmatrix: %v\n", err)
			os.Exit(1)
		}
		r.report(os.Stdout)
		results = append(results, r)
	}
	fmt.Println("\n=== Client matrix")
	failed := false
	for _, r := range results {
		fmt.Println(r.summary())
		failed = failed || !r.ok()
	}
	if failed {
		fmt.Println("FAIL: the matrix is red")
		os.Exit(1)
	}
	fmt.Println("PASS: every client ran and passed the acceptance and end-to-end tests")
}

// result is what one client's run did, per package.
type result struct {
	client   *acctest.Client
	elapsed  time.Duration
	packages map[string]*packageResult
	// buildFailed is set when go test itself failed without a test failing.
	buildFailed string
}

type packageResult struct {
	passed, skipped, failed int
	skips, failures         []string
	// output is what each test printed, which go test -json may report
	// after the test's end.
	output map[string][]string
}

// event is one line of go test -json.
type event struct {
	Action  string
	Package string
	Test    string
	Output  string
}

// run runs the packages' tests with the client and reads what they did.
func run(client *acctest.Client, timeout time.Duration) (*result, error) {
	args := append([]string{"test", "-json", "-count=1", "-timeout", timeout.String()}, packages...)
	cmd := exec.Command("go", args...)
	cmd.Env = append(os.Environ(), "TF_ACC=1", "TF_ACC_TERRAFORM_PATH="+client.Path, "CHECKPOINT_DISABLE=1")
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	start := time.Now()
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	r := &result{client: client, packages: map[string]*packageResult{}}
	nonJSON := r.read(out)
	waitErr := cmd.Wait()
	r.elapsed = time.Since(start)
	if waitErr != nil && r.failures() == 0 {
		r.buildFailed = strings.TrimSpace(stderr.String() + "\n" + nonJSON)
		if r.buildFailed == "" {
			r.buildFailed = waitErr.Error()
		}
	}
	return r, nil
}

// read collects the events of go test -json; it returns the lines that
// were not events (a build failure prints those).
func (r *result) read(out io.Reader) string {
	var other strings.Builder
	scanner := bufio.NewScanner(out)
	scanner.Buffer(make([]byte, 1<<20), 16<<20)
	for scanner.Scan() {
		var e event
		if json.Unmarshal(scanner.Bytes(), &e) != nil {
			other.WriteString(scanner.Text() + "\n")
			continue
		}
		if e.Test == "" {
			continue
		}
		p := r.packages[e.Package]
		if p == nil {
			p = &packageResult{output: map[string][]string{}}
			r.packages[e.Package] = p
		}
		switch e.Action {
		case "output":
			p.output[e.Test] = append(p.output[e.Test], e.Output)
		case "pass":
			p.passed++
		case "skip":
			p.skipped++
			p.skips = append(p.skips, e.Test)
		case "fail":
			p.failed++
			p.failures = append(p.failures, e.Test)
		}
	}
	return other.String()
}

func (r *result) failures() int {
	n := 0
	for _, p := range r.packages {
		n += p.failed
	}
	return n
}

// ok is a run in which nothing failed and every package passed tests.
func (r *result) ok() bool {
	if r.buildFailed != "" || r.failures() > 0 || len(r.packages) < len(packages) {
		return false
	}
	for _, p := range r.packages {
		if p.passed == 0 {
			return false
		}
	}
	return true
}

// report prints what failed and what was skipped, and why.
func (r *result) report(w io.Writer) {
	for _, name := range sortedKeys(r.packages) {
		p := r.packages[name]
		fmt.Fprintf(w, "%s: %d passed, %d skipped, %d failed\n", name, p.passed, p.skipped, p.failed)
		sort.Strings(p.failures)
		for _, test := range p.failures {
			fmt.Fprintf(w, "--- FAIL %s\n%s", test, strings.Join(p.output[test], ""))
		}
		sort.Strings(p.skips)
		for _, test := range p.skips {
			fmt.Fprintf(w, "  skipped %s: %s\n", test, skipReason(p.output[test]))
		}
		if p.passed == 0 {
			fmt.Fprintf(w, "FAIL: %s passed no test on %s: every test was skipped\n", name, r.client)
		}
	}
	if len(r.packages) < len(packages) {
		fmt.Fprintf(w, "FAIL: only %d of the %d packages ran tests\n", len(r.packages), len(packages))
	}
	if r.buildFailed != "" {
		fmt.Fprintf(w, "FAIL: go test failed:\n%s\n", r.buildFailed)
	}
}

// skipReason is the message a skipped test printed, on one line.
func skipReason(lines []string) string {
	var reasons []string
	for _, l := range lines {
		l = strings.TrimSpace(l)
		if l == "" || strings.HasPrefix(l, "=== ") || strings.HasPrefix(l, "--- ") {
			continue
		}
		reasons = append(reasons, l)
	}
	if len(reasons) == 0 {
		return "(no reason printed)"
	}
	return strings.Join(reasons, " ")
}

// summary is the client's line in the final table.
func (r *result) summary() string {
	status := "PASS"
	if !r.ok() {
		status = "FAIL"
	}
	var parts []string
	for _, name := range sortedKeys(r.packages) {
		p := r.packages[name]
		parts = append(parts, fmt.Sprintf("%s %d passed, %d skipped, %d failed", filepath.Base(name), p.passed, p.skipped, p.failed))
	}
	return fmt.Sprintf("%s  %-18s %s (%s)", status, r.client, strings.Join(parts, "; "), r.elapsed.Round(time.Second))
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
