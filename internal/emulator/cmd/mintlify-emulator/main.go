// Command mintlify-emulator serves the in-memory Mintlify API (agent jobs,
// deployments, previews, automations) on a loopback address, for demos,
// benchmarks and trying the provider without an account. Requests and
// answers that break Mintlify's OpenAPI documents are logged.
//
//	go run ./internal/emulator/cmd/mintlify-emulator -addr 127.0.0.1:0 -url-file /tmp/url
package main

import (
	"flag"
	"fmt"
	"log"
	"os"
	"os/signal"
	"syscall"

	"github.com/mintlify/terraform-provider-mintlify/internal/emulator"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:0", "loopback address to listen on (port 0 picks a free one)")
	urlFile := flag.String("url-file", "", "write the base URL to this file once listening")
	opts := emulator.Options{
		OnContractViolation: func(v emulator.Violation) { log.Printf("mintlify-emulator: %s", v) },
	}
	flag.StringVar(&opts.APIKey, "api-key", emulator.DefaultAPIKey, "the API key the server accepts")
	flag.StringVar(&opts.ProjectID, "project-id", emulator.DefaultProjectID, "the project the key may use")
	flag.DurationVar(&opts.JobDuration, "job-duration", emulator.DefaultJobDuration, "how long a job stays active")
	flag.BoolVar(&opts.FailAll, "fail", false, "every job ends failed")
	flag.DurationVar(&opts.DeploymentQueued, "deployment-queued", emulator.DefaultDeploymentQueued, "how long a deployment stays queued")
	flag.DurationVar(&opts.DeploymentInProgress, "deployment-duration", emulator.DefaultDeploymentInProgress, "how long a deployment stays in progress")
	flag.StringVar(&opts.DeploymentOutcome, "deployment-outcome", emulator.DeploymentSuccess,
		fmt.Sprintf("how deployments end: %q or %q", emulator.DeploymentSuccess, emulator.DeploymentFailure))
	flag.BoolVar(&opts.PreviewsDisabled, "no-previews", false, "refuse preview deployments (403), as on a plan without them")
	var faults emulator.Faults
	flag.IntVar(&faults.RateLimit, "rate-limit", 100, "agent uses per project per hour, as Mintlify allows (0: no limit)")
	flag.DurationVar(&faults.Latency, "latency", 0, "delay added to every answer")
	flag.Parse()
	if o := opts.DeploymentOutcome; o != emulator.DeploymentSuccess && o != emulator.DeploymentFailure {
		log.Fatalf("mintlify-emulator: -deployment-outcome is %q, not %q or %q", o, emulator.DeploymentSuccess, emulator.DeploymentFailure)
	}

	srv := emulator.New(opts)
	srv.SetFaults(faults)
	url, err := srv.Listen(*addr)
	if err != nil {
		log.Fatalf("mintlify-emulator: %v", err)
	}
	if *urlFile != "" {
		if err := os.WriteFile(*urlFile, []byte(url+"\n"), 0o600); err != nil {
			log.Fatalf("mintlify-emulator: %v", err)
		}
	}
	fmt.Printf("mintlify-emulator listening on %s (project %q, jobs take %s, deployments %s queued then %s, automation %s)\n",
		url, opts.ProjectID, opts.JobDuration, opts.DeploymentQueued, opts.DeploymentInProgress, emulator.DefaultAutomationID)

	stop := make(chan os.Signal, 1)
	signal.Notify(stop, os.Interrupt, syscall.SIGTERM)
	<-stop
	_ = srv.Close()
}
