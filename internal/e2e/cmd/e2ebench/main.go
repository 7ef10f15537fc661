// Command e2ebench measures the provider as users run it: the real terraform
// binary, the provider built and installed from a local mirror, and the
// emulator in this process, where it counts polls and times each job's end
// and the first poll that saw it. It prints one table. make bench runs it.
package main

import (
	"context"
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"

	"github.com/mintlify/terraform-provider-mintlify/internal/e2e"
	"github.com/mintlify/terraform-provider-mintlify/internal/e2e/noop"
	"github.com/mintlify/terraform-provider-mintlify/internal/emulator"
	"github.com/mintlify/terraform-provider-mintlify/internal/provider"
	"github.com/mintlify/terraform-provider-mintlify/internal/wait"
)

type row struct {
	scenario, wall, floor, ratio, polls, lag, rss, target string
}

func main() {
	jobs := flag.Int("jobs", 100, "jobs in the batch scenario")
	parallelism := flag.Int("parallelism", 10, "terraform -parallelism")
	jobLength := flag.Duration("job-duration", 2*time.Second, "how long each emulated job runs")
	refreshJobs := flag.Int("refresh-jobs", 200, "jobs in the refresh scenario")
	flag.Parse()
	ctx := context.Background()

	root, err := e2e.ModuleRoot()
	check(err)
	terraform, err := e2e.Terraform()
	check(err)
	tmp, err := os.MkdirTemp("", "mintlify-bench-")
	check(err)
	defer os.RemoveAll(tmp)
	mirror, err := e2e.BuildProvider(ctx, root, tmp)
	check(err)
	check(e2e.BuildPlugin(ctx, root, mirror, "./internal/e2e/cmd/noop-provider", noop.Source))

	var rows []row
	for _, l := range []time.Duration{2 * time.Second, 10 * time.Second, time.Minute, 10 * time.Minute} {
		worstPolls, worstLag := 0, time.Duration(0)
		for _, j := range []float64{0, 0.5, 1} {
			p, lag := wait.Simulate(l, wait.DefaultCap, j)
			worstPolls, worstLag = max(worstPolls, p), max(worstLag, lag)
		}
		rows = append(rows, row{scenario: "schedule: job of " + l.String() + " (exact, simulated clock)",
			polls: strconv.Itoa(worstPolls), lag: worstLag.Round(time.Millisecond).String()})
	}

	// Batch: many jobs at once, each waited for.
	emu := emulator.New(emulator.Options{JobDuration: *jobLength})
	_, err = emu.Listen("127.0.0.1:0")
	check(err)
	batch := fmt.Sprintf("resource \"mintlify_agent_job\" \"job\" {\n  count  = %d\n  prompt = \"Batch job ${count.index}\"\n}\n", *jobs)
	rss := &peakRSS{}
	stop := rss.watch("terraform-provi") // /proc truncates names to 15 bytes
	wall := timeApply(ctx, filepath.Join(tmp, "batch"), mirror, terraform, e2e.ProviderBlock(emu)+batch, *parallelism)
	stop()
	polls, lags := jobFigures(emu)
	waves := time.Duration((*jobs+*parallelism-1) / *parallelism) * (*jobLength)
	for _, f := range floors(*jobs) {
		floor := timeApply(ctx, filepath.Join(tmp, "batch-"+f.name), mirror, terraform, f.config, *parallelism, f.providers...) + waves
		rows = append(rows, row{
			scenario: fmt.Sprintf("apply: %d jobs of %s, -parallelism=%d; floor: %s + %s of jobs", *jobs, *jobLength, *parallelism, f.name, waves),
			wall:     wall.Round(10 * time.Millisecond).String(), floor: floor.Round(10 * time.Millisecond).String(),
			ratio: fmt.Sprintf("%.3f", wall.Seconds()/floor.Seconds()), polls: polls, lag: lags, rss: rss.String(), target: "ratio <= 1.15, RSS < 40 MB",
		})
	}
	_ = emu.Close()

	// Refresh: plan over many existing jobs.
	emu = emulator.New(emulator.Options{JobDuration: time.Hour})
	_, err = emu.Listen("127.0.0.1:0")
	check(err)
	many := fmt.Sprintf("resource \"mintlify_agent_job\" \"job\" {\n  count  = %d\n  prompt = \"Job ${count.index}\"\n  wait_for_completion = false\n}\n", *refreshJobs)
	refreshDir := filepath.Join(tmp, "refresh")
	timeApply(ctx, refreshDir, mirror, terraform, e2e.ProviderBlock(emu)+many, *parallelism)
	rss = &peakRSS{}
	stop = rss.watch("terraform-provi")
	planWall := timePlan(ctx, refreshDir, mirror, terraform)
	stop()
	noRefresh := timePlan(ctx, refreshDir, mirror, terraform, "-refresh=false")
	rows = append(rows, row{
		scenario: fmt.Sprintf("plan -refresh=false of the same %d jobs (no API call: Terraform and framework work only)", *refreshJobs),
		wall:     noRefresh.Round(10 * time.Millisecond).String(), polls: "0",
	})
	for _, f := range floors(*refreshJobs) {
		floorDir := filepath.Join(tmp, "refresh-"+f.name)
		timeApply(ctx, floorDir, mirror, terraform, f.config, *parallelism, f.providers...)
		planFloor := timePlan(ctx, floorDir, mirror, terraform)
		rows = append(rows, row{
			scenario: fmt.Sprintf("plan: refresh %d existing jobs; floor: %s", *refreshJobs, f.name),
			wall:     planWall.Round(10 * time.Millisecond).String(), floor: planFloor.Round(10 * time.Millisecond).String(),
			ratio: fmt.Sprintf("%.3f", planWall.Seconds()/planFloor.Seconds()), polls: "1 GET each", rss: rss.String(), target: "ratio <= 1.2",
		})
	}
	_ = emu.Close()

	rows = append(rows, row{scenario: "provider schema served (first GetProviderSchema)", wall: schemaTime().String(), target: "< 50ms"})
	printTable(rows)
}

// floor is a configuration of n resources that do nothing: Terraform's own
// terraform_data, and a no-op resource of a plugin provider (what gRPC and
// the plugin framework cost any provider).
type floor struct {
	name, config string
	providers    [][2]string
}

func floors(n int) []floor {
	return []floor{
		{"terraform_data", fmt.Sprintf("resource \"terraform_data\" \"job\" {\n  count = %d\n}\n", n), [][2]string{{"terraform", "terraform.io/builtin/terraform"}}},
		{"no-op plugin resource", fmt.Sprintf("resource \"noop_thing\" \"job\" {\n  count = %d\n}\n", n), [][2]string{{"noop", "bench/noop"}}},
	}
}

// timeApply writes config into dir, initializes it, and times the apply.
func timeApply(ctx context.Context, dir, mirror, terraform, config string, parallelism int, providers ...[2]string) time.Duration {
	ws, err := e2e.NewWorkspace(dir, mirror, terraform)
	check(err)
	check(ws.WriteConfig(config, providers...))
	_, err = ws.Run(ctx, nil, "init", "-input=false")
	check(err)
	start := time.Now()
	_, err = ws.Run(ctx, nil, "apply", "-auto-approve", "-input=false", "-parallelism="+strconv.Itoa(parallelism))
	check(err)
	return time.Since(start)
}

// timePlan times a refreshing plan in an initialized workspace: the best
// of three, as a plan is short enough for noise to matter.
func timePlan(ctx context.Context, dir, mirror, terraform string, args ...string) time.Duration {
	ws, err := e2e.NewWorkspace(dir, mirror, terraform)
	check(err)
	best := time.Duration(1<<63 - 1)
	for range 3 {
		start := time.Now()
		_, err := ws.Run(ctx, nil, append([]string{"plan", "-input=false", "-detailed-exitcode"}, args...)...)
		check(err)
		best = min(best, time.Since(start))
	}
	return best
}

// jobFigures summarizes polls per job and the lag from each job's end to
// the first poll that saw it.
func jobFigures(emu *emulator.Server) (polls, lag string) {
	var counts []int
	var lags []time.Duration
	for _, j := range emu.Jobs() {
		counts = append(counts, j.Polls)
		if !j.SeenEndedAt.IsZero() {
			lags = append(lags, j.SeenEndedAt.Sub(j.ActiveUntil))
		}
	}
	if len(counts) == 0 || len(lags) == 0 {
		return "-", "-"
	}
	slices.Sort(counts)
	slices.Sort(lags)
	return fmt.Sprintf("median %d, max %d", counts[len(counts)/2], counts[len(counts)-1]),
		fmt.Sprintf("median %s, max %s", lags[len(lags)/2].Round(time.Millisecond), lags[len(lags)-1].Round(time.Millisecond))
}

// schemaTime is how long a fresh provider server takes to answer its first
// GetProviderSchema.
func schemaTime() time.Duration {
	server, err := providerserver.NewProtocol6WithError(provider.New("bench")())()
	check(err)
	start := time.Now()
	resp, err := server.GetProviderSchema(context.Background(), &tfprotov6.GetProviderSchemaRequest{})
	check(err)
	if len(resp.Diagnostics) > 0 {
		log.Fatalf("schema diagnostics: %v", resp.Diagnostics[0].Summary)
	}
	return time.Since(start).Round(10 * time.Microsecond)
}

// peakRSS samples the peak resident set (VmHWM) of processes by name.
type peakRSS struct {
	mu   sync.Mutex
	kb   int
	seen bool
}

func (p *peakRSS) watch(comm string) (stop func()) {
	done := make(chan struct{})
	finished := make(chan struct{})
	go func() {
		defer close(finished)
		for {
			p.sample(comm)
			select {
			case <-done:
				return
			case <-time.After(50 * time.Millisecond):
			}
		}
	}()
	return func() { close(done); <-finished }
}

func (p *peakRSS) sample(comm string) {
	entries, _ := os.ReadDir("/proc")
	for _, e := range entries {
		if _, err := strconv.Atoi(e.Name()); err != nil {
			continue
		}
		name, err := os.ReadFile(filepath.Join("/proc", e.Name(), "comm"))
		if err != nil || !strings.HasPrefix(strings.TrimSpace(string(name)), comm) {
			continue
		}
		status, err := os.ReadFile(filepath.Join("/proc", e.Name(), "status"))
		if err != nil {
			continue
		}
		for _, line := range strings.Split(string(status), "\n") {
			if v, ok := strings.CutPrefix(line, "VmHWM:"); ok {
				kb, _ := strconv.Atoi(strings.TrimSuffix(strings.TrimSpace(v), " kB"))
				p.mu.Lock()
				p.kb, p.seen = max(p.kb, kb), true
				p.mu.Unlock()
			}
		}
	}
}

func (p *peakRSS) String() string {
	p.mu.Lock()
	defer p.mu.Unlock()
	if !p.seen {
		return "n/a"
	}
	return fmt.Sprintf("%.1f MB", float64(p.kb)/1024)
}

func printTable(rows []row) {
	header := row{"scenario", "wall time", "terraform floor", "ratio", "GET polls per job", "detection lag", "peak RSS", "target"}
	all := append([]row{header}, rows...)
	cols := func(r row) []string {
		return []string{r.scenario, r.wall, r.floor, r.ratio, r.polls, r.lag, r.rss, r.target}
	}
	for i, r := range all {
		c := cols(r)
		for j := range c {
			if c[j] == "" {
				c[j] = "-"
			}
		}
		fmt.Println("| " + strings.Join(c, " | ") + " |")
		if i == 0 {
			fmt.Println("|" + strings.Repeat("---|", len(c)))
		}
	}
}

func check(err error) {
	if err != nil {
		log.Fatal(err)
	}
}
