package emulator

import (
	"slices"
	"sync"
)

// records are the server's records of one kind (jobs, deployments, static
// exports) by id, in the order created. Handlers use byID and add with the
// server's lock held; tests read them through all, one and forget, which
// take the lock themselves.
type records[T any] struct {
	mu    *sync.Mutex
	byID  map[string]*T
	order []string
	// clone copies a record for a test to keep.
	clone func(*T) T
}

// newRecords are records guarded by the server's lock mu.
func newRecords[T any](mu *sync.Mutex, clone func(*T) T) records[T] {
	return records[T]{mu: mu, byID: map[string]*T{}, clone: clone}
}

func (rs *records[T]) add(id string, v *T) {
	rs.byID[id] = v
	rs.order = append(rs.order, id)
}

// all are copies of every record, oldest first.
func (rs *records[T]) all() []T {
	rs.mu.Lock()
	defer rs.mu.Unlock()
	out := make([]T, 0, len(rs.order))
	for _, id := range rs.order {
		out = append(out, rs.clone(rs.byID[id]))
	}
	return out
}

// one is a copy of one record.
func (rs *records[T]) one(id string) (T, bool) {
	rs.mu.Lock()
	defer rs.mu.Unlock()
	v, ok := rs.byID[id]
	if !ok {
		var zero T
		return zero, false
	}
	return rs.clone(v), true
}

// forget removes a record, as if Mintlify had lost it.
func (rs *records[T]) forget(id string) {
	rs.mu.Lock()
	defer rs.mu.Unlock()
	delete(rs.byID, id)
	rs.order = slices.DeleteFunc(rs.order, func(o string) bool { return o == id })
}
