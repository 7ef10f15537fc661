package provider

import (
	"context"
	"fmt"
	"maps"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/mintlify/terraform-provider-mintlify/internal/mintlify"
	"github.com/mintlify/terraform-provider-mintlify/internal/wait"
)

// What mintlify_deployment and mintlify_preview_deployment share, and the
// deployment action and data source with them: the deployment as an
// operation of either kind, its fields, and how each kind starts.

const defaultDeploymentTimeout = 20 * time.Minute

// deploymentKind is a deployment of either kind as an operation, named k.
func deploymentKind(k kind) *followable[*mintlify.Deployment] {
	return &followable[*mintlify.Deployment]{
		operation: operation[*mintlify.Deployment]{
			kind:     &k,
			id:       func(d *mintlify.Deployment) string { return d.ID },
			describe: describeDeployment,
		},
		status:   func(d *mintlify.Deployment) string { return d.Status },
		terminal: mintlify.IsDeploymentTerminal,
		known:    mintlify.IsKnownDeploymentStatus,
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
		noun: "deployment", idNoun: "status ID", exampleID: "66b1f0c2e4b5d6a7b8c9d0e1", dataSource: "mintlify_deployment",
		lookup: "the project's deployments in the Mintlify dashboard", importable: true, readByID: true,
		again: "change triggers or replace the resource (apply with -replace)", stays: "What it deployed stays online.",
	})
	previews = deploymentKind(kind{
		noun: "preview deployment", idNoun: "status ID", exampleID: "66b1f0c2e4b5d6a7b8c9d0e1", feature: "preview deployments",
		dataSource: "mintlify_deployment", lookup: "the project's preview deployments in the Mintlify dashboard", importable: true,
		readByID: true, again: "change triggers or replace the resource (apply with -replace)", stays: "The preview stays online.",
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

// deploymentProject is the project a deployment belongs to, as the status
// endpoint reports it.
func deploymentProject(d *mintlify.Deployment) string { return d.ProjectID }

// deploymentResourceFields are what both resources record: the status ID,
// the fields, and the project, which an import learns from Mintlify.
var deploymentResourceFields = append(fields[*mintlify.Deployment]{
	text("id", "The deployment's status ID, as Mintlify returned it when the deployment was triggered.", deployments.id),
	text("project_id", "", deploymentProject).as(adopted),
}, deploymentFields...)

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

// describeDeployment is how a deployment stands: its status and commit.
func describeDeployment(d *mintlify.Deployment) string {
	if d.Commit.SHA == "" {
		return d.Status
	}
	return d.Status + ", commit " + d.Commit.SHA
}

// deploymentArgs are both resources' arguments.
type deploymentArgs struct {
	projectArg
	Triggers types.Map `tfsdk:"triggers"`
	waitArgs
}

// deploymentAttributes are both resources' attributes, for a deployment
// described by what (as in "a new <what>") recording fs.
func deploymentAttributes(ctx context.Context, what string, fs fields[*mintlify.Deployment]) (map[string]schema.Attribute, diag.Diagnostics) {
	attrs, diags := resourceWaitAttributes(ctx, deploymentWaits, "")
	maps.Copy(attrs, fs.resourceAttributes())
	attrs["project_id"] = projectAttribute("The Mintlify project to deploy. Defaults to the provider's `project_id`. " +
		"Changing it starts a new " + what + ".")
	attrs["triggers"] = triggersAttribute(what)
	return attrs, diags
}

// deploying is the launch of a production deployment: one trigger.
func deploying(r *followedRun[*mintlify.Deployment]) launching[*mintlify.Deployment] {
	return launching[*mintlify.Deployment]{
		start: func(ctx context.Context) (*mintlify.Deployment, error) {
			id, err := r.client.TriggerDeployment(ctx, r.project)
			return &mintlify.Deployment{ID: id, Status: mintlify.DeploymentQueued}, err
		},
		started: func(d *mintlify.Deployment) string {
			return fmt.Sprintf("Started production deployment %s%s", d.ID, inProject(r.project))
		},
	}
}

// previewing is the launch of a preview of branch: one trigger, whose
// answer alone says where the preview is served, written to extra (when
// it is not nil) as preview_url.
func previewing(r *followedRun[*mintlify.Deployment], branch string, extra map[string]tftypes.Value) launching[*mintlify.Deployment] {
	var url string
	return launching[*mintlify.Deployment]{
		start: func(ctx context.Context) (*mintlify.Deployment, error) {
			p, err := r.client.TriggerPreview(ctx, r.project, branch)
			if err != nil {
				return nil, err
			}
			url = p.PreviewURL
			if extra != nil {
				extra["preview_url"] = tfString(url)
			}
			return &mintlify.Deployment{ID: p.StatusID, Status: mintlify.DeploymentQueued}, nil
		},
		started: func(d *mintlify.Deployment) string {
			return fmt.Sprintf("Started preview deployment %s of branch %q%s, at %s", d.ID, branch, inProject(r.project), url)
		},
	}
}
