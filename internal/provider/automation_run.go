package provider

import (
	"context"
	"fmt"
	"net/http"
	"time"

	"github.com/mintlify/terraform-provider-mintlify/internal/mintlify"
)

// automationRuns is the automation run as an operation: it is started and
// goes on in Mintlify, which has no API to follow it, so nothing waits.
var automationRuns = &operation[*mintlify.AutomationRun]{
	kind: &kind{
		noun: "automation run", idNoun: "run ID", exampleID: "66b1f0c2e4b5d6a7b8c9d0e1",
		lookup:  "the automation's run history in the Mintlify dashboard",
		stays:   "The run goes on in Mintlify; its outcome is on the Automation Runs page of the dashboard.",
		refused: automationRefused,
	},
	id: func(r *mintlify.AutomationRun) string { return r.InstanceID },
}

// automationRunFields are what the API reports of a run it queued.
var automationRunFields = fields[*mintlify.AutomationRun]{
	text("id", "The run's ID (the API's `instanceId`), as in the dashboard's run history.", automationRuns.id),
	text("job_id", "The ID of the background job that processes the run.", func(r *mintlify.AutomationRun) string { return r.JobID }),
}

// defaultAutomationTimeout bounds starting a run, a 429's wait included.
const defaultAutomationTimeout = 5 * time.Minute

// automationTimeoutDoc documents how long starting a run may take.
var automationTimeoutDoc = fmt.Sprintf("How long starting the run may take, as a Go duration, waiting out Mintlify's rate "+
	"limit whenever its Retry-After fits. Defaults to `%s`.", durationText(defaultAutomationTimeout))

// automationNote says what the API does not offer, for the docs.
const automationNote = "Mintlify's API can start a run but has no endpoint to follow one: the run goes on in Mintlify, " +
	"and its outcome is on the Automation Runs page of the dashboard."

// automationRefused explains Mintlify's refusal to run an automation.
func automationRefused(api *mintlify.APIError, s situation) string {
	switch api.StatusCode {
	case http.StatusBadRequest:
		return fmt.Sprintf("Mintlify refused to run automation %q (HTTP 400: %s). Only an active automation with a custom "+
			"schedule can be triggered: check that it is active and scheduled, and that automation_id is the ID from its "+
			"settings panel on the Automations page.", s.id, api.Message)
	case http.StatusNotFound:
		return fmt.Sprintf("Automation %q was not found in project %q (HTTP 404: %s). Check automation_id, and project_id: "+
			"the automation must belong to that project.", s.id, s.project, api.Message)
	}
	return ""
}

// runningAutomation is the launch of one run of automation automationID.
func runningAutomation(r *run[*mintlify.AutomationRun], automationID string) launching[*mintlify.AutomationRun] {
	r.subject = automationID
	return launching[*mintlify.AutomationRun]{
		start: func(ctx context.Context) (*mintlify.AutomationRun, error) {
			return r.client.TriggerAutomation(ctx, r.project, automationID)
		},
		started: func(ar *mintlify.AutomationRun) string {
			return fmt.Sprintf("Queued run %s of automation %s%s (background job %s)", ar.InstanceID, automationID, inProject(r.project), ar.JobID)
		},
	}
}
