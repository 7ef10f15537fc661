package emulator

import (
	"net/http"
	"testing"
)

func TestAutomationTrigger(t *testing.T) {
	const (
		inactive    = "66a1f0c2e4b5d6a7b8c9d0e2"
		onPush      = "66a1f0c2e4b5d6a7b8c9d0e3"
		otherProj   = "66a1f0c2e4b5d6a7b8c9d0e4"
		unknown     = "66a1f0c2e4b5d6a7b8c9d0ff"
		defaultPath = "/v1/workflow/" + DefaultProjectID + "/"
	)
	s := newServer(t, Options{
		Keys: map[string][]string{DefaultAPIKey: {"other"}},
		Automations: []Automation{
			{ID: inactive, Inactive: true},
			{ID: onPush, WithoutCustomSchedule: true},
			{ID: otherProj, ProjectID: "other"},
		},
	})
	code, out := call(t, s, "POST", defaultPath+DefaultAutomationID+"/trigger", DefaultAPIKey, "")
	if code != http.StatusAccepted || out["schemaId"] != DefaultAutomationID || out["instanceId"] == "" || out["jobId"] == "" {
		t.Fatalf("trigger: HTTP %d %v", code, out)
	}
	runs := s.AutomationRuns()
	if len(runs) != 1 || runs[0].AutomationID != DefaultAutomationID || runs[0].ProjectID != DefaultProjectID || runs[0].InstanceID != out["instanceId"] {
		t.Errorf("runs = %+v", runs)
	}

	messages := map[string]bool{}
	for name, tc := range map[string]struct {
		path string
		want int
	}{
		"malformed id":            {defaultPath + "not-an-id/trigger", 400},
		"inactive":                {defaultPath + inactive + "/trigger", 400},
		"without custom schedule": {defaultPath + onPush + "/trigger", 400},
		"unknown":                 {defaultPath + unknown + "/trigger", 404},
		"another project's":       {defaultPath + otherProj + "/trigger", 404},
		"project without access":  {"/v1/workflow/nope/" + DefaultAutomationID + "/trigger", 403},
	} {
		code, out := call(t, s, "POST", tc.path, DefaultAPIKey, "")
		msg, _ := out["error"].(string)
		if code != tc.want || msg == "" {
			t.Errorf("%s: HTTP %d %v, want %d with an error", name, code, out, tc.want)
		}
		messages[msg] = true
	}
	// One message each, but a 404 does not tell another project's automation
	// from one that does not exist.
	if len(messages) != 5 {
		t.Errorf("error messages %v: want 5 different ones", messages)
	}
	if code, _ := call(t, s, "POST", "/v1/workflow/other/"+otherProj+"/trigger", DefaultAPIKey, ""); code != http.StatusAccepted {
		t.Errorf("an automation through its own project: HTTP %d", code)
	}
	if n := len(s.AutomationRuns()); n != 2 {
		t.Errorf("%d runs, want 2", n)
	}
}
