package store

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	bolt "go.etcd.io/bbolt"
)

// Backup writes a consistent copy of the database to path (which must not
// exist), while other goroutines go on reading and writing. The copy is
// written to a temporary file, synced and renamed, so a crash never leaves
// a half-written backup under path.
func (db *DB) Backup(path string) (int64, error) {
	if _, err := os.Lstat(path); err == nil {
		return 0, fmt.Errorf("backup: %s already exists", path)
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err // it names the temporary file, not path
		}
		return 0, fmt.Errorf("backup %s: %w", path, err)
	}
	defer os.Remove(tmp.Name())
	n, err := db.WriteTo(tmp)
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), path)
	}
	if err != nil {
		return 0, fmt.Errorf("backup %s: %w", path, err)
	}
	return n, nil
}

// Compact rewrites the database into a fresh file and puts it in place of
// the original, reclaiming the space of deleted and replaced documents
// (bbolt files never shrink). The database must be open read-write; it is
// closed by Compact whatever the outcome. It returns the sizes before and
// after.
func (db *DB) Compact() (before, after int64, err error) {
	if db.readOnly {
		db.Close()
		return 0, 0, fmt.Errorf("compact %s: %w", db.path, ErrReadOnly)
	}
	defer db.Close()
	fi, err := os.Stat(db.path)
	if err != nil {
		return 0, 0, fmt.Errorf("compact: %w", err)
	}
	tmpPath := db.path + ".compact"
	os.Remove(tmpPath)
	dst, err := bolt.Open(tmpPath, fi.Mode().Perm(), &bolt.Options{NoSync: true, FreelistType: bolt.FreelistMapType})
	if err != nil {
		return 0, 0, fmt.Errorf("compact: %w", err)
	}
	err = bolt.Compact(dst, db.bolt, 64<<20)
	if err == nil {
		err = dst.Sync()
	}
	if cerr := dst.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmpPath, db.path)
	}
	if err != nil {
		os.Remove(tmpPath)
		return 0, 0, fmt.Errorf("compact %s: %w", db.path, err)
	}
	nfi, err := os.Stat(db.path)
	if err != nil {
		return 0, 0, fmt.Errorf("compact: %w", err)
	}
	return fi.Size(), nfi.Size(), nil
}
