package provider

import (
	"context"
	"fmt"
	"net/http"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/mintlify/terraform-provider-mintlify/internal/mintlify"
	"github.com/mintlify/terraform-provider-mintlify/internal/wait"
)

// automationRuns is the automation run as an operation: it is started and
// goes on in Mintlify, which has no API to follow it, so nothing waits.
var automationRuns = &operation[*mintlify.AutomationRun]{
	kind: kind{
		noun: "automation run", idNoun: "run ID",
		lookup: "the automation's run history in the Mintlify dashboard",
		stays:  "The run goes on in Mintlify; its outcome is on the Automation Runs page of the dashboard.",
	},
	follow:  wait.Kind[*mintlify.AutomationRun]{ID: func(r *mintlify.AutomationRun) string { return r.InstanceID }},
	refused: automationRefused,
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
func automationRefused(api *mintlify.APIError, a about) string {
	switch api.StatusCode {
	case http.StatusBadRequest:
		return fmt.Sprintf("Mintlify refused to run automation %q (HTTP 400: %s). Only an active automation with a custom "+
			"schedule can be triggered: check that it is active and scheduled, and that automation_id is the ID from its "+
			"settings panel on the Automations page.", a.id, api.Message)
	case http.StatusNotFound:
		return fmt.Sprintf("Automation %q was not found in project %q (HTTP 404: %s). Check automation_id, and project_id: "+
			"the automation must belong to that project.", a.id, a.project, api.Message)
	}
	return ""
}

// runAutomation starts one run of automationID in the project (the
// provider's when projectID is null), within settings' limit, for the
// resource and the action.
func runAutomation(ctx context.Context, d *providerData, projectID types.String, automationID string, settings waitSettings,
	h holder) (*run[*mintlify.AutomationRun], *mintlify.AutomationRun) {
	client, project, diags := d.clientFor(projectID)
	r := &run[*mintlify.AutomationRun]{op: automationRuns, data: d, client: client, project: project, settings: settings, holder: h, diags: diags}
	if diags.HasError() {
		return r, nil
	}
	ctx, cancel := context.WithTimeout(ctx, settings.limit)
	defer cancel()
	ar, err := client.TriggerAutomation(ctx, project, automationID)
	if err != nil {
		r.startFailedOn(ctx, err, automationID)
		return r, nil
	}
	return r, ar
}
