package mintlify

import (
	"encoding/json"
	"time"
)

// Time is a timestamp the API sent: its instant, and its text exactly as
// sent (RFC 3339, often with fractional seconds), for callers that keep it.
type Time struct {
	time.Time
	Text string
}

// UnmarshalJSON reads an RFC 3339 string.
func (t *Time) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return err
	}
	parsed, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return err
	}
	t.Time, t.Text = parsed, s
	return nil
}

// MarshalJSON writes the text as it was sent.
func (t Time) MarshalJSON() ([]byte, error) { return json.Marshal(t.Text) }
