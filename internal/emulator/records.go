package emulator

import "slices"

// records are the server's records of one kind (jobs, deployments, static
// exports) by id, in the order created. Used with s.mu held.
type records[T any] struct {
	byID  map[string]*T
	order []string
	// clone copies a record for a test to keep.
	clone func(*T) T
}

func newRecords[T any](clone func(*T) T) records[T] {
	return records[T]{byID: map[string]*T{}, clone: clone}
}

func (rs *records[T]) add(id string, v *T) {
	rs.byID[id] = v
	rs.order = append(rs.order, id)
}

func (rs *records[T]) remove(id string) {
	delete(rs.byID, id)
	rs.order = slices.DeleteFunc(rs.order, func(o string) bool { return o == id })
}

// copies are copies of every record, oldest first.
func (rs *records[T]) copies() []T {
	out := make([]T, 0, len(rs.order))
	for _, id := range rs.order {
		out = append(out, rs.clone(rs.byID[id]))
	}
	return out
}

// copyOf is a copy of one record.
func (rs *records[T]) copyOf(id string) (T, bool) {
	v, ok := rs.byID[id]
	if !ok {
		var zero T
		return zero, false
	}
	return rs.clone(v), true
}
