package store

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"runtime/debug"
	"sync"
	"time"

	bolt "go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"
)

// Errors returned when a database cannot be opened or used.
var (
	// ErrLocked is returned by Open when another process holds the file
	// (a writer excludes everyone; readers exclude writers) and the lock
	// timeout passed. The error is a *LockError naming the holders.
	ErrLocked = errors.New("database is locked by another process")
	// ErrNotAlmanac is returned by Open for a file that is not an Almanac
	// database (not a bbolt file, or a bbolt file without Almanac's meta).
	ErrNotAlmanac = errors.New("not an almanac database")
	// ErrSchemaTooNew is returned by Open for a database written by a newer
	// Almanac whose layout this version cannot read.
	ErrSchemaTooNew = errors.New("database schema is newer than this almanac")
	// ErrNotFound is returned when a fact or document ID does not exist.
	ErrNotFound = errors.New("not found")
	// ErrReadOnly is returned by writes on a database opened read-only.
	ErrReadOnly = errors.New("database is open read-only")
	// ErrCorrupt is wrapped by every error that comes from malformed
	// stored data: a record, key or page that cannot be decoded (Check
	// lists them all).
	ErrCorrupt = errors.New("database is corrupt")
)

// Options configures Open. The zero value opens read-write, waiting up to
// DefaultLockTimeout for the file lock.
type Options struct {
	// ReadOnly opens the file with a shared lock, so several readers can
	// run at once; writes fail with ErrReadOnly. The file must exist.
	ReadOnly bool
	// LockTimeout bounds the wait for the file lock; 0 means
	// DefaultLockTimeout, negative means do not wait at all.
	LockTimeout time.Duration
	// NoSync skips fsync on commit: faster bulk loads, but a crash may
	// lose (never corrupt) the last commits. For tests and benchmarks.
	NoSync bool
}

// DefaultLockTimeout is how long Open waits for another process's lock.
const DefaultLockTimeout = 1500 * time.Millisecond

// DB is an open Almanac database. It is safe for concurrent use: any
// number of goroutines may read while one writes.
type DB struct {
	bolt     *bolt.DB
	path     string
	readOnly bool
	names    [numDicts]sync.Map // dictionary ID -> name, by dictionary (see Tx.name)
}

// Open opens the database at path, creating it (read-write only) if it does
// not exist.
func Open(path string, opts *Options) (db *DB, err error) {
	var o Options
	if opts != nil {
		o = *opts
	}
	timeout := o.LockTimeout
	switch {
	case timeout == 0:
		timeout = DefaultLockTimeout
	case timeout < 0:
		timeout = time.Millisecond
	}
	if o.ReadOnly {
		if _, err := os.Stat(path); err != nil {
			return nil, fmt.Errorf("open %s: %w", path, err)
		}
	}
	if err := sniff(path, o.ReadOnly); err != nil {
		return nil, err
	}
	// bbolt panics on some corrupt files, and faults on others (see
	// View); no panic may leave this package.
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer func() {
		if r := recover(); r != nil {
			db, err = nil, fmt.Errorf("open %s: %w (%v)", path, ErrNotAlmanac, r)
		}
	}()
	b, err := bolt.Open(path, 0o644, &bolt.Options{
		Timeout:        timeout,
		ReadOnly:       o.ReadOnly,
		NoSync:         o.NoSync,
		FreelistType:   bolt.FreelistMapType,
		NoFreelistSync: false,
	})
	if err != nil {
		switch {
		case errors.Is(err, berrors.ErrTimeout):
			return nil, fmt.Errorf("open %s: %w", path, lockError(path, !o.ReadOnly))
		case errors.Is(err, berrors.ErrInvalid), errors.Is(err, berrors.ErrVersionMismatch),
			errors.Is(err, berrors.ErrChecksum), errors.Is(err, berrors.ErrInvalidMapping):
			return nil, fmt.Errorf("open %s: %w (%v)", path, ErrNotAlmanac, err)
		}
		var pe *fs.PathError
		if errors.As(err, &pe) && pe.Path == path {
			err = pe.Err // "open x.db: open x.db: ..." says it twice
		}
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	db = &DB{bolt: b, path: path, readOnly: o.ReadOnly}
	if err := db.init(); err != nil {
		b.Close()
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	return db, nil
}

// sniff rejects a non-empty file that does not carry bbolt's magic number
// before bbolt maps it: a clearer error than bbolt's, and no risk of
// bbolt misreading a foreign file.
func sniff(path string, readOnly bool) error {
	f, err := os.Open(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("open %s: %w", path, err)
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return fmt.Errorf("open %s: %w", path, err)
	}
	if fi.IsDir() {
		return fmt.Errorf("open %s: is a directory", path)
	}
	if fi.Size() == 0 {
		if readOnly {
			// bbolt would try to lay out a new file, and fail to write.
			return fmt.Errorf("open %s: %w (empty file)", path, ErrNotAlmanac)
		}
		return nil
	}
	// bbolt's two meta pages: a 16-byte page header, then magic u32,
	// version u32, page size u32, flags u32, root bucket (16 bytes),
	// freelist page u64, high-water page u64, txid u64, checksum u64.
	var hdr [4096 + 80]byte
	n, _ := io.ReadFull(f, hdr[:])
	const boltMagic = 0xED0CDAED
	if n < 80 || binary.LittleEndian.Uint32(hdr[16:]) != boltMagic {
		return fmt.Errorf("open %s: %w (no bbolt header)", path, ErrNotAlmanac)
	}
	pageSize := int64(binary.LittleEndian.Uint32(hdr[24:]))
	if pageSize < 1024 || pageSize > 1<<16 {
		return fmt.Errorf("open %s: %w (bad page size %d)", path, ErrNotAlmanac, pageSize)
	}
	highWater := int64(binary.LittleEndian.Uint64(hdr[56:]))
	if pageSize == 4096 && n == len(hdr) && binary.LittleEndian.Uint32(hdr[4096+16:]) == boltMagic &&
		binary.LittleEndian.Uint64(hdr[4096+64:]) > binary.LittleEndian.Uint64(hdr[64:]) {
		highWater = int64(binary.LittleEndian.Uint64(hdr[4096+56:]))
	}
	if fi.Size() < highWater*pageSize {
		return fmt.Errorf("open %s: %w (file truncated: %d bytes, its pages need %d)", path, ErrNotAlmanac, fi.Size(), highWater*pageSize)
	}
	return nil
}

// init checks the meta bucket of an existing database, upgrades an older
// schema (read-write only), or lays out a new one.
func (db *DB) init() error {
	fresh := false
	version := uint32(0)
	err := db.bolt.View(func(tx *bolt.Tx) error {
		meta := tx.Bucket(bucketMeta)
		if meta == nil {
			empty := true
			_ = tx.ForEach(func([]byte, *bolt.Bucket) error { empty = false; return nil })
			if !empty {
				return fmt.Errorf("%w (a bbolt file without almanac's meta bucket)", ErrNotAlmanac)
			}
			fresh = true
			return nil
		}
		if string(meta.Get(keyMagic)) != magic {
			return fmt.Errorf("%w (bad magic in meta)", ErrNotAlmanac)
		}
		v := meta.Get(keySchema)
		if len(v) != 4 {
			return fmt.Errorf("%w (no schema version)", ErrNotAlmanac)
		}
		if version = binary.BigEndian.Uint32(v); version > SchemaVersion {
			return fmt.Errorf("%w (file has schema %d, this almanac reads up to %d)", ErrSchemaTooNew, version, SchemaVersion)
		} else if version < 1 {
			return fmt.Errorf("%w (schema version %d)", ErrNotAlmanac, version)
		}
		for _, name := range allBuckets {
			if tx.Bucket(name) == nil {
				return fmt.Errorf("%w (bucket %s missing)", ErrNotAlmanac, name)
			}
		}
		if version >= 2 && len(meta.Get(keyIdentityFrom)) != 8 {
			return fmt.Errorf("%w (schema %d without %s)", ErrNotAlmanac, version, keyIdentityFrom)
		}
		return nil
	})
	if err != nil {
		return err
	}
	if !fresh {
		if version == SchemaVersion || db.readOnly {
			// Every older schema reads as this one does (see upgrades);
			// only writers need the upgrade.
			return nil
		}
		return db.bolt.Update(func(tx *bolt.Tx) error { return upgrade(tx, version) })
	}
	if db.readOnly {
		return fmt.Errorf("%w (empty file)", ErrNotAlmanac)
	}
	return db.bolt.Update(func(tx *bolt.Tx) error {
		for _, name := range allBuckets {
			if _, err := tx.CreateBucketIfNotExists(name); err != nil {
				return err
			}
		}
		meta := tx.Bucket(bucketMeta)
		if err := meta.Put(keyMagic, []byte(magic)); err != nil {
			return err
		}
		if err := meta.Put(keyIdentityFrom, u64key(1)); err != nil {
			return err
		}
		return meta.Put(keySchema, binary.BigEndian.AppendUint32(nil, SchemaVersion))
	})
}

// upgrades[v] turns a schema v database into a schema v+1 one, inside the
// transaction that then records the new version. Each keeps what readers
// of the older schema rely on, so a file opened read-only is read as it is.
var upgrades = map[uint32]func(tx *bolt.Tx) error{
	// Schema 2: documents are keyed by identity, no longer by base name.
	// The keys stay; identity_from marks where the new ones begin.
	1: func(tx *bolt.Tx) error {
		next := tx.Bucket(bucketDocuments).Sequence() + 1
		return tx.Bucket(bucketMeta).Put(keyIdentityFrom, u64key(next))
	},
}

// upgrade brings a database from schema from to SchemaVersion.
func upgrade(tx *bolt.Tx, from uint32) error {
	for v := from; v < SchemaVersion; v++ {
		step, ok := upgrades[v]
		if !ok {
			return fmt.Errorf("no upgrade from schema %d", v)
		}
		if err := step(tx); err != nil {
			return fmt.Errorf("upgrade schema %d to %d: %w", v, v+1, err)
		}
	}
	return tx.Bucket(bucketMeta).Put(keySchema, binary.BigEndian.AppendUint32(nil, SchemaVersion))
}

// Schema returns the schema version of the open file: SchemaVersion,
// except for an older file opened read-only, which is read as it is.
func (db *DB) Schema() (int, error) {
	var n int
	err := db.View(func(t *Tx) error {
		v := t.btx.Bucket(bucketMeta).Get(keySchema)
		if len(v) != 4 {
			return fmt.Errorf("meta: schema: %w", ErrCorrupt)
		}
		n = int(binary.BigEndian.Uint32(v))
		return nil
	})
	return n, err
}

// Path returns the file the database was opened from.
func (db *DB) Path() string { return db.path }

// ReadOnly reports whether the database was opened read-only.
func (db *DB) ReadOnly() bool { return db.readOnly }

// Close releases the database file and its lock. It waits for open
// transactions to finish.
func (db *DB) Close() error {
	if err := db.bolt.Close(); err != nil {
		return fmt.Errorf("close %s: %w", db.path, err)
	}
	return nil
}

// View runs fn in a read-only transaction. The Tx and every byte slice it
// hands out are valid only until fn returns; the values it returns
// (Fact, Document, Entry, strings) are copies and may be kept.
func (db *DB) View(fn func(*Tx) error) (err error) {
	// A damaged page can send bbolt to an address past the end of the
	// file's mapping: a fault, which becomes a panic (and so an error)
	// instead of ending the process.
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("read %s: %w: %v", db.path, ErrCorrupt, r)
		}
	}()
	return db.bolt.View(func(btx *bolt.Tx) error { return fn(newTx(db, btx)) })
}

// WriteTo writes a consistent snapshot of the database to w, while other
// goroutines go on reading and writing.
func (db *DB) WriteTo(w io.Writer) (n int64, err error) {
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true)) // see View
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("read %s: %w: %v", db.path, ErrCorrupt, r)
		}
	}()
	err = db.bolt.View(func(tx *bolt.Tx) error {
		n, err = tx.WriteTo(w)
		return err
	})
	return n, err
}

// Bolt returns the underlying bbolt database, for maintenance (check,
// compact) and benchmarks that compare against raw bbolt scans.
func (db *DB) Bolt() *bolt.DB { return db.bolt }
