package provider

import (
	"fmt"
	"strings"
	"unicode"
)

// parseImportID reads "ID" or "PROJECT_ID/ID" for a resource of kind k and
// type typeName. The project is empty in the first form: the provider's
// project_id applies.
func parseImportID(k *kind, typeName, raw string) (projectID, id string, err error) {
	if isBlank(raw) {
		return "", "", emptyImportID(k, typeName)
	}
	forms := fmt.Sprintf(`expected the %s, or "PROJECT_ID/ID", for example "proj_123/%s"`, k.idNoun, k.exampleID)
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

// emptyImportID is the error for an import with no ID at all.
func emptyImportID(k *kind, typeName string) error {
	return fmt.Errorf("the import ID is empty: give the %s's %s, as in terraform import %s.NAME %s "+
		"(or tofu import), or id = %q in an import block", k.noun, k.idNoun, typeName, k.exampleID, k.exampleID)
}

// isBlank reports whether s is only white space.
func isBlank(s string) bool { return strings.TrimSpace(s) == "" }
