// Command e2ebench measures the provider as users run it: the real terraform
// binary, the provider built and installed from a local mirror, and the
// emulator in this process, where it counts polls and times each job's and
// deployment's end and the first poll that saw it. Each timed scenario runs
// several times (the median counts) beside its floors: the same number of
// resources that do nothing, Terraform's builtin terraform_data, a
// one-attribute no-op plugin resource, and noop_job, a no-op resource with
// exactly mintlify_agent_job's schema. It prints one table; make bench runs
// it.
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

	"github.com/mintlify/terraform-provider-mintlify/internal/e2e/noop"
	"github.com/mintlify/terraform-provider-mintlify/internal/emulator"
	"github.com/mintlify/terraform-provider-mintlify/internal/mintlify"
	"github.com/mintlify/terraform-provider-mintlify/internal/provider"
	"github.com/mintlify/terraform-provider-mintlify/internal/provider/acctest"
	"github.com/mintlify/terraform-provider-mintlify/internal/wait"
	"github.com/mintlify/terraform-provider-mintlify/internal/wait/waittest"
)

type row struct {
	scenario, wall, floor, ratio, polls, lag, rss, target, verdict string
}

// bench holds what every scenario needs.
type bench struct {
	ctx       context.Context
	tmp       string
	mirror    string
	terraform string
	runs      int
	dirs      int
}

func main() {
	runs := flag.Int("runs", 5, "timed runs of each scenario; the median counts")
	jobs := flag.Int("jobs", 100, "jobs in the batch apply")
	parallelism := flag.Int("parallelism", 10, "terraform -parallelism")
	jobLength := flag.Duration("job-duration", 2*time.Second, "how long each job of the batch runs")
	refreshJobs := flag.String("refresh-jobs", "200,1000", "jobs in each refresh scenario")
	listed := flag.Int("listed-jobs", 10000, "jobs the listing data source reads")
	feedback := flag.Int("feedback", 10000, "feedback entries the mintlify_feedback data source reads")
	cappedFeedback := flag.Int("capped-feedback", 20000, "feedback entries of the capped read")
	maxItems := flag.Int("max-items", 250, "max_items of the capped read")
	deployments := flag.Int("deployments", 10, "production and preview deployments each, in the deployment scenario")
	deploymentLength := flag.Duration("deployment-duration", 10*time.Second, "how long each deployment runs")
	exportLength := flag.Duration("export-duration", 20*time.Second, "how long the static export (and the deployment beside it) runs")
	flag.Parse()

	b := &bench{ctx: context.Background(), runs: *runs}
	root, err := acctest.ModuleRoot()
	check(err)
	b.terraform, err = acctest.Terraform()
	check(err)
	b.tmp, err = os.MkdirTemp("", "mintlify-bench-")
	check(err)
	defer os.RemoveAll(b.tmp)
	b.mirror, err = acctest.BuildProvider(b.ctx, root, b.tmp)
	check(err)
	check(acctest.BuildPlugin(b.ctx, root, b.mirror, "./internal/e2e/cmd/noop-provider", noop.Source))

	rows := scheduleRows()
	rows = append(rows, b.deploymentRows(*deployments, *deploymentLength, *parallelism)...)
	rows = append(rows, b.exportRows(*exportLength)...)
	rows = append(rows, b.bundleRow())
	rows = append(rows, b.applyRows(*jobs, *jobLength, *parallelism)...)
	for _, n := range strings.Split(*refreshJobs, ",") {
		count, err := strconv.Atoi(strings.TrimSpace(n))
		check(err)
		rows = append(rows, b.planRows(count, *parallelism, count == 200)...)
	}
	rows = append(rows, b.listRows(*listed)...)
	rows = append(rows, b.feedbackRow(*feedback, 0), b.feedbackRow(*cappedFeedback, *maxItems))
	schema := schemaTime()
	rows = append(rows, row{scenario: "provider schema served (first GetProviderSchema)", wall: schema.String(), target: "< 50ms",
		verdict: verdict(schema < 50*time.Millisecond)})
	printTable(rows)
}

// scheduleRows state the poll schedule's exact figures on a simulated clock.
func scheduleRows() []row {
	var rows []row
	for _, kind := range []struct {
		name   string
		steady time.Duration
	}{{"agent job", 0}, {"deployment or export", wait.GatingSteady}} {
		for _, l := range []time.Duration{2 * time.Second, 10 * time.Second, 20 * time.Second, time.Minute, 10 * time.Minute} {
			worstPolls, worstLag := 0, time.Duration(0)
			for _, j := range []float64{0, 0.5, 1} {
				p, lag := waittest.SimulateSteady(l, wait.DefaultCap, kind.steady, j)
				worstPolls, worstLag = max(worstPolls, p), max(worstLag, lag)
			}
			rows = append(rows, row{scenario: "schedule: " + kind.name + " of " + l.String() + " (exact, simulated clock)",
				polls: strconv.Itoa(worstPolls), lag: worstLag.Round(time.Millisecond).String()})
		}
	}
	return rows
}

// deploymentRows apply production and preview deployments of length and
// report how often each was polled and how soon its end was seen.
func (b *bench) deploymentRows(n int, length time.Duration, parallelism int) []row {
	emu := emulator.New(emulator.Options{SkipContractCheck: true, Deployments: emulator.DeploymentOptions{Queued: length * 3 / 10, InProgress: length * 7 / 10, PreviewLimit: -1, TriggerLimit: -1}})
	_, err := emu.Listen("127.0.0.1:0")
	check(err)
	defer emu.Close()
	config := fmt.Sprintf("resource \"mintlify_deployment\" \"prod\" {\n  count = %d\n  triggers = { n = count.index }\n}\n"+
		"resource \"mintlify_preview_deployment\" \"preview\" {\n  count  = %d\n  branch = \"docs/page-${count.index}\"\n}\n", n, n)
	wall := b.apply(acctest.ProviderBlock(emu)+config, parallelism)
	var polls []int
	var lags []time.Duration
	for _, d := range emu.Deployments() {
		polls = append(polls, d.Polls)
		lags = append(lags, d.SeenEndedAt.Sub(d.EndedAt))
	}
	return []row{{
		scenario: fmt.Sprintf("apply: %d production and %d preview deployments of %s, -parallelism=%d", n, n, length, parallelism),
		wall:     round(wall), polls: spread(polls), lag: spread(lags),
		target:  "seen within 1s, <= 11 polls",
		verdict: verdict(slices.Max(lags) <= time.Second && slices.Max(polls) <= 11),
	}}
}

// exportRows apply a static export of length beside a production deployment
// of the same length: the export must be seen as soon, with as many polls.
func (b *bench) exportRows(length time.Duration) []row {
	emu := emulator.New(emulator.Options{SkipContractCheck: true, Deployments: emulator.DeploymentOptions{Queued: length * 3 / 10, InProgress: length * 7 / 10}, StaticExports: emulator.StaticExportOptions{Queued: length * 3 / 10, Duration: length * 7 / 10}})
	_, err := emu.Listen("127.0.0.1:0")
	check(err)
	defer emu.Close()
	config := "resource \"mintlify_static_export\" \"docs\" {\n  domain = \"docs.example.com\"\n}\nresource \"mintlify_deployment\" \"prod\" {}\n"
	wall := b.apply(acctest.ProviderBlock(emu)+config, 2)
	export, deployment := emu.StaticExports()[0], emu.Deployments()[0]
	lag := export.SeenEndedAt.Sub(export.EndedAt)
	return []row{{
		scenario: fmt.Sprintf("apply: a static export of %s, beside a deployment of %s", length, length),
		wall:     round(wall), polls: fmt.Sprintf("%d (deployment: %d)", export.Polls, deployment.Polls),
		lag:     fmt.Sprintf("%s (deployment: %s)", lag.Round(time.Millisecond), deployment.SeenEndedAt.Sub(deployment.EndedAt).Round(time.Millisecond)),
		target:  "seen within 1s, as many polls as the deployment",
		verdict: verdict(lag <= time.Second && export.Polls == deployment.Polls),
	}}
}

// bundleRow counts the bundle calls of the ephemeral link to an export's
// bundle: it is asked for once each time Terraform opens it, at each plan
// and at each apply, and never stored.
func (b *bench) bundleRow() row {
	emu := emulator.New(emulator.Options{SkipContractCheck: true, StaticExports: emulator.StaticExportOptions{Queued: time.Millisecond,
		Duration: time.Millisecond}})
	_, err := emu.Listen("127.0.0.1:0")
	check(err)
	defer emu.Close()
	calls := func() int { return emu.CountRequests("POST", "/bundle") }
	ws := b.workspace(acctest.ProviderBlock(emu) + "resource \"mintlify_static_export\" \"docs\" {\n  domain = \"docs.example.com\"\n}\n" +
		"ephemeral \"mintlify_static_export_bundle\" \"docs\" {\n  id = mintlify_static_export.docs.id\n}\n")
	b.run(ws, "apply", "-auto-approve", "-input=false")
	before := calls()
	wall := b.median(func() time.Duration { return b.plan(ws) })
	perPlan := (calls() - before) / b.runs
	b.run(ws, "plan", "-input=false", "-out=saved.tfplan")
	before = calls()
	b.run(ws, "apply", "-input=false", "saved.tfplan")
	perApply := calls() - before
	return row{
		scenario: "plan, then apply the saved plan, with the ephemeral link to a completed export's bundle (mintlify_static_export_bundle)",
		wall:     round(wall), polls: fmt.Sprintf("%d call per plan, %d per apply", perPlan, perApply),
		target:  "1 call per plan and 1 per apply (the fewest possible: it is never stored)",
		verdict: verdict(perPlan == 1 && perApply == 1),
	}
}

// applyRows time an apply of n jobs of length, each waited for, against
// floors that take the same apply plus the jobs' own length.
func (b *bench) applyRows(n int, length time.Duration, parallelism int) []row {
	emu := emulator.New(emulator.Options{SkipContractCheck: true, Jobs: emulator.JobOptions{Duration: length}})
	_, err := emu.Listen("127.0.0.1:0")
	check(err)
	defer emu.Close()
	attrs := "  prompt = \"Batch job ${count.index}\"\n"
	config := fmt.Sprintf("resource \"mintlify_agent_job\" \"job\" {\n  count  = %d\n%s}\n", n, attrs)
	rss := watchRSS()
	wall := b.median(func() time.Duration { return b.apply(acctest.ProviderBlock(emu)+config, parallelism) })
	peak := rss()
	var polls []int
	var lags []time.Duration
	for _, j := range emu.Jobs() {
		polls = append(polls, j.Polls)
		lags = append(lags, j.SeenEndedAt.Sub(j.ActiveUntil))
	}
	waves := time.Duration((n+parallelism-1)/parallelism) * length
	var rows []row
	for _, f := range floors(n, attrs) {
		floor := b.median(func() time.Duration { return b.apply(f.config, parallelism, f.providers...) }) + waves
		r := row{
			scenario: fmt.Sprintf("apply: %d jobs of %s, -parallelism=%d; floor: %s + %s of jobs", n, length, parallelism, f.name, waves),
			wall:     round(wall), floor: round(floor), ratio: ratio(wall, floor), polls: spread(polls), lag: spread(lags), rss: peak.String(),
		}
		if f.sameSchema {
			r.target, r.verdict = "ratio <= 1.10, RSS < 40 MB", verdict(wall.Seconds() <= 1.10*floor.Seconds() && peak < 40<<20)
		}
		rows = append(rows, r)
	}
	return rows
}

// planRows time plans over n existing jobs, refreshing (one GET each) and,
// when withNoRefresh, with -refresh=false (no API call), against floors of
// n no-op resources.
func (b *bench) planRows(n, parallelism int, withNoRefresh bool) []row {
	emu := emulator.New(emulator.Options{SkipContractCheck: true, Jobs: emulator.JobOptions{Duration: time.Hour}})
	_, err := emu.Listen("127.0.0.1:0")
	check(err)
	defer emu.Close()
	attrs := "  prompt = \"Job ${count.index}\"\n  wait_for_completion = false\n"
	jobs := b.workspace(acctest.ProviderBlock(emu) + fmt.Sprintf("resource \"mintlify_agent_job\" \"job\" {\n  count  = %d\n%s}\n", n, attrs))
	b.run(jobs, "apply", "-auto-approve", "-input=false", "-parallelism="+strconv.Itoa(parallelism))
	type mode struct {
		name, flag, target string
		limit              float64
	}
	modes := []mode{{"refresh " + strconv.Itoa(n) + " existing jobs (1 GET each)", "-refresh=true", "ratio <= 1.2", 1.2}}
	if withNoRefresh {
		modes = append(modes, mode{"-refresh=false of the same " + strconv.Itoa(n) + " jobs (no API call)", "-refresh=false", "ratio <= 1.1", 1.1})
	}
	floorDirs := map[string]*acctest.Workspace{}
	for _, f := range floors(n, attrs) {
		floorDirs[f.name] = b.workspace(f.config, f.providers...)
		b.run(floorDirs[f.name], "apply", "-auto-approve", "-input=false", "-parallelism="+strconv.Itoa(parallelism))
	}
	var rows []row
	for _, mode := range modes {
		rss := watchRSS()
		wall := b.median(func() time.Duration { return b.plan(jobs, mode.flag) })
		peak := rss()
		target, limit := mode.target, mode.limit
		if n >= 1000 {
			target += ", RSS < 64 MB"
		}
		for _, f := range floors(n, attrs) {
			floorRSS := watchRSS()
			floor := b.median(func() time.Duration { return b.plan(floorDirs[f.name], mode.flag) })
			r := row{scenario: fmt.Sprintf("plan %s; floor: %s", mode.name, f.name), wall: round(wall), floor: round(floor),
				ratio: ratio(wall, floor), rss: peak.String() + " (floor " + floorRSS().String() + ")"}
			if mode.flag == "-refresh=true" {
				r.polls = "1 GET each"
			}
			if f.sameSchema {
				ok := wall.Seconds() <= limit*floor.Seconds() && (n < 1000 || peak < 64<<20)
				r.target, r.verdict = target, verdict(ok)
			}
			rows = append(rows, r)
		}
	}
	return rows
}

// listRows read n jobs with the mintlify_agent_jobs data source, against
// the same list calls made directly with the client, and against a no-op
// data source with the same schema that lists n jobs from memory.
func (b *bench) listRows(n int) []row {
	emu := emulator.New(emulator.Options{SkipContractCheck: true, Jobs: emulator.JobOptions{Duration: time.Hour}})
	_, err := emu.Listen("127.0.0.1:0")
	check(err)
	defer emu.Close()
	client, err := mintlify.New(mintlify.Config{BaseURL: emu.URL(), APIKey: emu.APIKey()})
	check(err)
	seed(b.ctx, client, emu.ProjectID(), n)
	direct := b.median(func() time.Duration {
		start := time.Now()
		jobs, err := client.ListJobs(b.ctx, emu.ProjectID(), 0)
		check(err)
		if len(jobs) != n {
			log.Fatalf("listed %d jobs, want %d", len(jobs), n)
		}
		return time.Since(start)
	})
	before := emu.CountRequests("GET", "/jobs")
	dir := b.workspace(acctest.ProviderBlock(emu) + "data \"mintlify_agent_jobs\" \"all\" {}\n" +
		"output \"jobs\" {\n  value = length(data.mintlify_agent_jobs.all.jobs)\n}\n")
	rss := watchRSS()
	wall := b.median(func() time.Duration { return b.plan(dir) })
	peak := rss()
	calls := (emu.CountRequests("GET", "/jobs") - before) / b.runs
	floorDir := b.workspace("data \"noop_jobs\" \"all\" {}\noutput \"jobs\" {\n  value = length(data.noop_jobs.all.jobs)\n}\n", [2]string{"noop", noop.Source})
	floorDir.Env = append(floorDir.Env, noop.ListedJobsEnv+"="+strconv.Itoa(n))
	rss = watchRSS()
	floor := b.median(func() time.Duration { return b.plan(floorDir) })
	floorPeak := rss()
	scenario := fmt.Sprintf("plan reading data.mintlify_agent_jobs over %d jobs (%d list calls); floor: ", n, calls)
	return []row{{
		scenario: scenario + "the same list calls made directly with the client",
		wall:     round(wall), floor: round(direct), ratio: ratio(wall, direct), polls: fmt.Sprintf("%d list calls", calls), rss: peak.String(),
		// The API returns no total: a listing ends at its first short page,
		// so n/100 full pages take one more call.
		target:  fmt.Sprintf("%d list calls (the fewest possible), ratio <= 1.2, RSS < 64 MB", n/100+1),
		verdict: verdict(calls == n/100+1 && wall.Seconds() <= 1.2*direct.Seconds() && peak < 64<<20),
	}, {
		scenario: scenario + "a no-op data source with the same schema listing as many jobs from memory (its RSS: " + floorPeak.String() + ")",
		wall:     round(wall), floor: round(floor), ratio: ratio(wall, floor), rss: peak.String(),
	}}
}

// feedbackRow plans mintlify_feedback over n entries, with max_items when
// maxItems > 0, against the floor of a data source with its schema listing
// as many entries from memory as it reads.
func (b *bench) feedbackRow(n, maxItems int) row {
	emu := emulator.New(emulator.Options{SkipContractCheck: true, Analytics: emulator.AnalyticsOptions{Limit: -1}})
	_, err := emu.Listen("127.0.0.1:0")
	check(err)
	defer emu.Close()
	emu.GenerateAnalytics("", emulator.AnalyticsVolume{Feedback: n})
	read, args, capped := n, "", ""
	if maxItems > 0 {
		read, args, capped = min(n, maxItems), fmt.Sprintf("\n  max_items = %d\n", maxItems), fmt.Sprintf(" with max_items = %d", maxItems)
	}
	count := func() int { return emu.CountRequests("GET", "/feedback") }
	dir := b.workspace(acctest.ProviderBlock(emu) + "data \"mintlify_feedback\" \"all\" {" + args + "}\n" +
		"output \"feedback\" {\n  value = length(data.mintlify_feedback.all.feedback)\n}\n")
	before := count()
	rss := watchRSS()
	wall := b.median(func() time.Duration { return b.plan(dir) })
	peak := rss()
	calls := (count() - before) / b.runs
	floorDir := b.workspace("data \"noop_feedback\" \"all\" {"+args+"}\noutput \"feedback\" {\n  value = length(data.noop_feedback.all.feedback)\n}\n",
		[2]string{"noop", noop.Source})
	floorDir.Env = append(floorDir.Env, noop.ListedFeedbackEnv+"="+strconv.Itoa(read))
	floor := b.median(func() time.Duration { return b.plan(floorDir) })
	// The answer says when there is no more, and a capped read stops at its
	// cap: a call per page of the entries read, no more.
	fewest := (read + mintlify.MaxFeedbackPage - 1) / mintlify.MaxFeedbackPage
	return row{
		scenario: fmt.Sprintf("plan reading data.mintlify_feedback over %d entries%s (%d calls); floor: a no-op data source with the same schema "+
			"listing as many as it reads from memory", n, capped, calls),
		wall: round(wall), floor: round(floor), ratio: ratio(wall, floor), polls: fmt.Sprintf("%d calls", calls), rss: peak.String(),
		target:  fmt.Sprintf("%d calls (the fewest possible), ratio <= 1.2", fewest),
		verdict: verdict(calls == fewest && wall.Seconds() <= 1.2*floor.Seconds()),
	}
}

// seed creates n jobs, 20 at a time.
func seed(ctx context.Context, client *mintlify.Client, project string, n int) {
	var wg sync.WaitGroup
	next := make(chan int)
	for range 20 {
		wg.Go(func() {
			for i := range next {
				_, err := client.CreateJob(ctx, project, fmt.Sprintf("Listed job %d", i))
				check(err)
			}
		})
	}
	for i := range n {
		next <- i
	}
	close(next)
	wg.Wait()
}

// floor is a configuration of n resources that do nothing.
type floor struct {
	name, config string
	providers    [][2]string
	// sameSchema is the floor with mintlify_agent_job's schema, which the
	// targets are measured against.
	sameSchema bool
}

// floors are n terraform_data resources, n one-attribute no-op resources,
// and n no-op resources with mintlify_agent_job's schema and jobAttrs.
func floors(n int, jobAttrs string) []floor {
	return []floor{
		{name: "terraform_data", config: fmt.Sprintf("resource \"terraform_data\" \"job\" {\n  count = %d\n}\n", n),
			providers: [][2]string{{"terraform", "terraform.io/builtin/terraform"}}},
		{name: "one-attribute no-op resource", config: fmt.Sprintf("resource \"noop_thing\" \"job\" {\n  count = %d\n}\n", n),
			providers: [][2]string{{"noop", noop.Source}}},
		{name: "no-op resource with the same schema", config: fmt.Sprintf("resource \"noop_job\" \"job\" {\n  count = %d\n%s}\n", n, jobAttrs),
			providers: [][2]string{{"noop", noop.Source}}, sameSchema: true},
	}
}

// workspace is a new initialized directory holding config.
func (b *bench) workspace(config string, providers ...[2]string) *acctest.Workspace {
	b.dirs++
	ws, err := acctest.NewWorkspace(filepath.Join(b.tmp, "w"+strconv.Itoa(b.dirs)), b.mirror, b.terraform)
	check(err)
	check(ws.WriteConfig(config, providers...))
	b.run(ws, "init", "-input=false")
	return ws
}

func (b *bench) run(ws *acctest.Workspace, args ...string) {
	_, err := ws.Run(b.ctx, nil, args...)
	check(err)
}

// apply times an apply of config in a new workspace.
func (b *bench) apply(config string, parallelism int, providers ...[2]string) time.Duration {
	ws := b.workspace(config, providers...)
	start := time.Now()
	b.run(ws, "apply", "-auto-approve", "-input=false", "-parallelism="+strconv.Itoa(parallelism))
	return time.Since(start)
}

// plan times a plan in an initialized workspace.
func (b *bench) plan(ws *acctest.Workspace, args ...string) time.Duration {
	start := time.Now()
	b.run(ws, append([]string{"plan", "-input=false"}, args...)...)
	return time.Since(start)
}

// median runs f b.runs times and returns the median.
func (b *bench) median(f func() time.Duration) time.Duration {
	times := make([]time.Duration, b.runs)
	for i := range times {
		times[i] = f()
	}
	slices.Sort(times)
	return times[len(times)/2]
}

// spread is the median and the maximum of some figures.
func spread[T int | time.Duration](values []T) string {
	if len(values) == 0 {
		return "-"
	}
	slices.Sort(values)
	show := func(v T) string {
		if d, ok := any(v).(time.Duration); ok {
			return d.Round(time.Millisecond).String()
		}
		return fmt.Sprint(v)
	}
	return fmt.Sprintf("median %s, max %s", show(values[len(values)/2]), show(values[len(values)-1]))
}

func round(d time.Duration) string { return d.Round(10 * time.Millisecond).String() }

func ratio(wall, floor time.Duration) string {
	return fmt.Sprintf("%.3f", wall.Seconds()/floor.Seconds())
}

func verdict(ok bool) string {
	if ok {
		return "met"
	}
	return "MISSED"
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

// bytes is a memory size.
type bytes int64

func (b bytes) String() string {
	if b == 0 {
		return "n/a"
	}
	return fmt.Sprintf("%.1f MB", float64(b)/(1<<20))
}

// watchRSS samples, until the returned function is called, the peak
// resident set (VmHWM) of the provider's processes (/proc truncates names
// to 15 bytes), and returns it.
func watchRSS() func() bytes {
	var mu sync.Mutex
	var peak bytes
	done, finished := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(finished)
		for {
			kb := sampleRSS("terraform-provi")
			mu.Lock()
			peak = max(peak, bytes(kb)<<10)
			mu.Unlock()
			select {
			case <-done:
				return
			case <-time.After(50 * time.Millisecond):
			}
		}
	}()
	return func() bytes {
		close(done)
		<-finished
		return peak
	}
}

// sampleRSS is the largest VmHWM, in kB, of the processes named comm.
func sampleRSS(comm string) int {
	peak := 0
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
				peak = max(peak, kb)
			}
		}
	}
	return peak
}

func printTable(rows []row) {
	header := row{"scenario", "wall time (median)", "floor (median)", "ratio", "GET polls per job", "detection lag", "peak RSS", "target", "verdict"}
	for i, r := range append([]row{header}, rows...) {
		c := []string{r.scenario, r.wall, r.floor, r.ratio, r.polls, r.lag, r.rss, r.target, r.verdict}
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
