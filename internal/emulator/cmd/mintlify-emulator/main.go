// Command mintlify-emulator serves the in-memory Mintlify agent API on a
// loopback address, for demos, benchmarks and trying the provider without an
// account.
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
	opts := emulator.Options{}
	flag.StringVar(&opts.APIKey, "api-key", emulator.DefaultAPIKey, "the API key the server accepts")
	flag.StringVar(&opts.ProjectID, "project-id", emulator.DefaultProjectID, "the project the key may use")
	flag.DurationVar(&opts.JobDuration, "job-duration", emulator.DefaultJobDuration, "how long a job stays active")
	flag.BoolVar(&opts.FailAll, "fail", false, "every job ends failed")
	var faults emulator.Faults
	flag.IntVar(&faults.RateLimit, "rate-limit", 100, "agent uses per project per hour, as Mintlify allows (0: no limit)")
	flag.DurationVar(&faults.Latency, "latency", 0, "delay added to every answer")
	flag.Parse()

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
	fmt.Printf("mintlify-emulator listening on %s (project %q, jobs take %s)\n", url, opts.ProjectID, opts.JobDuration)

	stop := make(chan os.Signal, 1)
	signal.Notify(stop, os.Interrupt, syscall.SIGTERM)
	<-stop
	_ = srv.Close()
}
