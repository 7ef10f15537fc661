package provider

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/mintlify/terraform-provider-mintlify/internal/mintlify"
	"github.com/mintlify/terraform-provider-mintlify/internal/wait"
)

// What mintlify_deployment and mintlify_preview_deployment share: the
// deployment as an operation, its fields, and the plain functions both
// resources are made of. They differ only in what starts a deployment and
// in the preview's branch and URL.

const defaultDeploymentTimeout = 20 * time.Minute

// deploymentKind is a deployment of either kind as an operation, named k.
func deploymentKind(k kind) *operation[*mintlify.Deployment] {
	return &operation[*mintlify.Deployment]{
		kind: k,
		follow: wait.Kind[*mintlify.Deployment]{
			Name:     k.noun,
			ID:       func(d *mintlify.Deployment) string { return d.ID },
			Status:   func(d *mintlify.Deployment) string { return d.Status },
			Terminal: mintlify.IsDeploymentTerminal,
			Known:    mintlify.IsKnownDeploymentStatus,
		},
		get: func(ctx context.Context, c *mintlify.Client, _, id string) (*mintlify.Deployment, error) {
			return c.GetDeploymentStatus(ctx, id)
		},
		failedStatus: mintlify.DeploymentFailure,
		failure:      deploymentFailure,
		steady:       wait.GatingSteady,
	}
}

var (
	deployments = deploymentKind(kind{
		noun: "deployment", idNoun: "status ID", dataSource: "mintlify_deployment",
		lookup: "the project's deployments in the Mintlify dashboard", importable: true,
		again: "change triggers or replace the resource (apply with -replace)", stays: "What it deployed stays online.",
	})
	previews = deploymentKind(kind{
		noun: "preview deployment", idNoun: "status ID", feature: "preview deployments", dataSource: "mintlify_deployment",
		lookup: "the project's preview deployments in the Mintlify dashboard", importable: true,
		again: "change triggers or replace the resource (apply with -replace)", stays: "The preview stays online.",
	})
)

// deploymentWaits document the resources' and the action's wait arguments.
var deploymentWaits = waitDocs{noun: "deployment", ends: "`success` or `failure`", failed: mintlify.DeploymentFailure,
	started: mintlify.DeploymentQueued, refreshes: "; later refreshes update it", timeout: defaultDeploymentTimeout, steady: wait.GatingSteady}

// deploymentFields are what the API reports about a deployment, on both
// resources and the data source.
var deploymentFields = fields[*mintlify.Deployment]{
	text("status", "The deployment's status: `queued`, then `in_progress`, then `success` or `failure`. "+
		"A status the API adds later is shown as the API sends it.", func(d *mintlify.Deployment) string { return d.Status }),
	text("summary", "Mintlify's summary of the deployment, such as what failed; null until it reports one.",
		func(d *mintlify.Deployment) string { return d.Summary }),
	text("subdomain", "The subdomain of the documentation site being deployed.", func(d *mintlify.Deployment) string { return d.Subdomain }),
	text("trigger_source", "What started the deployment, as the API's `source` names it: `api` for deployments "+
		"started through the API, as this provider does; `github`, `dashboard` and others for the rest.",
		func(d *mintlify.Deployment) string { return d.Source }),
	timestamp("created_at", "When the deployment was queued, in RFC 3339 format, as the API sent it.",
		func(d *mintlify.Deployment) *mintlify.Time { return d.CreatedAt }),
	timestamp("ended_at", "When the deployment ended, in RFC 3339 format; null until it ends.",
		func(d *mintlify.Deployment) *mintlify.Time { return d.EndedAt }),
	object("commit", "The commit the deployment publishes: `sha`, `ref` (the branch) and `message`.",
		[][2]string{{"sha", "The commit's SHA."}, {"ref", "The branch the commit is on."}, {"message", "The commit message."}},
		func(d *mintlify.Deployment) map[string]string {
			return map[string]string{"sha": d.Commit.SHA, "ref": d.Commit.Ref, "message": d.Commit.Message}
		}),
}

// deploymentFailure is what a failed deployment reports: its summary and
// its last log lines.
func deploymentFailure(d *mintlify.Deployment) string {
	var b strings.Builder
	if d.Summary != "" {
		fmt.Fprintf(&b, "Mintlify says: %q. ", d.Summary)
	}
	if logs := d.Logs[max(len(d.Logs)-5, 0):]; len(logs) > 0 {
		b.WriteString("Its last log lines:\n  " + strings.Join(logs, "\n  ") + "\n")
	}
	b.WriteString("See the deployment in the Mintlify dashboard for its full logs.")
	return b.String()
}

// deploymentModel is what both resources are configured with, and their
// IDs; what the API reports is in deploymentFields.
type deploymentModel struct {
	ID        types.String `tfsdk:"id"`
	ProjectID types.String `tfsdk:"project_id"`
	Triggers  types.Map    `tfsdk:"triggers"`
	waitArgs
}

// deploymentAttributes are both resources' attributes, for a deployment
// described by what (as in "a new <what>").
func deploymentAttributes(ctx context.Context, what string) (map[string]schema.Attribute, diag.Diagnostics) {
	attrs, diags := resourceWaitAttributes(ctx, deploymentWaits, "")
	for name, a := range deploymentFields.resourceAttributes() {
		attrs[name] = a
	}
	attrs["id"] = idAttribute("The deployment's status ID, as Mintlify returned it when the deployment was triggered.")
	attrs["project_id"] = projectAttribute("The Mintlify project to deploy. Defaults to the provider's `project_id`. " +
		"Changing it starts a new " + what + ".")
	attrs["triggers"] = triggersAttribute(what)
	return attrs, diags
}

// deploymentShape is a deployment resource's shape, for its schema.
func deploymentShape(schemaOf func(context.Context) (schema.Schema, diag.Diagnostics)) func() shape {
	return sync.OnceValue(func() shape {
		s, _ := schemaOf(context.Background())
		return resourceShape(context.Background(), s, deploymentFields.names())
	})
}

// deploy triggers one deployment and follows it, the life of both
// resources' Create. trigger starts it and returns its status ID; write
// records the model (common is its shared part) and what the API reports.
func deploy(ctx context.Context, d *providerData, op *operation[*mintlify.Deployment], common *deploymentModel,
	trigger func(context.Context, *mintlify.Client, string) (string, error),
	write func(*mintlify.Deployment) diag.Diagnostics, diags *diag.Diagnostics) {
	client, project, more := d.clientFor(common.ProjectID)
	diags.Append(more...)
	settings, more := common.settings(ctx, false, defaultDeploymentTimeout)
	diags.Append(more...)
	if diags.HasError() {
		return
	}
	ctx, cancel := context.WithTimeout(ctx, settings.limit)
	defer cancel()
	common.ProjectID = types.StringValue(project)
	run := &run[*mintlify.Deployment]{op: op, data: d, client: client, project: project, settings: settings, holder: creating,
		seen: func(dep *mintlify.Deployment) { diags.Append(write(dep)...) }}
	defer func() { diags.Append(run.diags...) }()

	start := d.clock.Now()
	id, err := trigger(ctx, client, project)
	if err != nil {
		run.startFailed(ctx, err)
		return
	}
	// The ID is saved before anything else: whatever happens next, it is kept.
	common.ID = types.StringValue(id)
	queued := &mintlify.Deployment{ID: id, Status: mintlify.DeploymentQueued}
	run.started(queued)
	tflog.Info(ctx, "Triggered "+op.noun, map[string]any{"status_id": id, "project_id": project})
	if settings.waits {
		run.wait(ctx, queued, start)
	}
}

// writeDeployment is write for a resource of shape sh whose model is m.
func writeDeployment(ctx context.Context, sh func() shape, m any, state *tfsdk.State) func(*mintlify.Deployment) diag.Diagnostics {
	return func(dep *mintlify.Deployment) diag.Diagnostics {
		v, diags := sh().value(ctx, m, deploymentFields.values(dep))
		state.Raw = v
		return diags
	}
}

// readDeployment refreshes either resource, and returns the values to
// write and the deployment read (nil when there is nothing to write).
func readDeployment(ctx context.Context, d *providerData, op *operation[*mintlify.Deployment], req resource.ReadRequest,
	resp *resource.ReadResponse) (*rawState, map[string]tftypes.Value, *mintlify.Deployment) {
	state, diags := newRawState(req.State.Raw)
	resp.Diagnostics.Append(diags...)
	// The status endpoint names no project: only the key is needed, and the
	// project comes from the answer (an import knows none before).
	client, diags := d.keyedClient()
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return nil, nil, nil
	}
	dep, ok := refresh(ctx, op, d, client, state.string("project_id"), state, resp)
	if !ok {
		return nil, nil, nil
	}
	values := deploymentFields.values(dep)
	if dep.ProjectID != "" {
		values["project_id"] = tfString(dep.ProjectID)
	}
	return state, values, dep
}
