package provider

import (
	"fmt"
	"strings"
	"unicode"
)

// parseImportID reads "JOB_ID" or "PROJECT_ID/JOB_ID". The project is empty
// in the first form: the provider's project_id applies.
func parseImportID(raw string) (projectID, jobID string, err error) {
	const forms = `expected "JOB_ID" or "PROJECT_ID/JOB_ID", for example "proj_123/job_abc"`
	parts := strings.Split(raw, "/")
	if len(parts) > 2 {
		return "", "", fmt.Errorf("import ID %q has more than one '/': %s", raw, forms)
	}
	for _, p := range parts {
		if p == "" {
			return "", "", fmt.Errorf("import ID %q has an empty part: %s", raw, forms)
		}
		if strings.IndexFunc(p, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsControl(r) }) >= 0 {
			return "", "", fmt.Errorf("import ID %q contains white space: %s", raw, forms)
		}
	}
	if len(parts) == 1 {
		return "", parts[0], nil
	}
	return parts[0], parts[1], nil
}
