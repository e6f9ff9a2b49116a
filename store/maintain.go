package store

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	bolt "go.etcd.io/bbolt"
)

// Backup writes a consistent copy of the database to path (which must not
// exist), while other goroutines go on reading and writing. The copy is
// written to a temporary file, synced and renamed, so a crash or a
// cancelled ctx never leaves a half-written backup under path. It gets
// the database file's permissions.
func (db *DB) Backup(ctx context.Context, path string) (int64, error) {
	if _, err := os.Lstat(path); err == nil {
		return 0, fmt.Errorf("backup: %s already exists", path)
	}
	tmp, err := CreateBeside(db.path, path)
	if err != nil {
		return 0, fmt.Errorf("backup %s: %w", path, err)
	}
	defer os.Remove(tmp.Name())
	n, err := db.WriteTo(&ctxWriter{ctx: ctx, w: tmp})
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

// CreateBeside creates a temporary file in the directory of path, for a
// write that is renamed to path once complete, with the permissions of
// the file like (the database a copy or export is made of).
func CreateBeside(like, path string) (*os.File, error) {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err // it names the temporary file, not path
		}
		return nil, err
	}
	if fi, err := os.Stat(like); err == nil {
		if err := tmp.Chmod(fi.Mode().Perm()); err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
			return nil, err
		}
	}
	return tmp, nil
}

// ctxWriter fails writes once ctx is done.
type ctxWriter struct {
	ctx context.Context
	w   io.Writer
}

func (w *ctxWriter) Write(p []byte) (int, error) {
	if err := w.ctx.Err(); err != nil {
		return 0, err
	}
	return w.w.Write(p)
}

// compactTxBytes bounds the data copied in one transaction of Compact.
const compactTxBytes = 64 << 20

// Compact rewrites the database into a fresh file and puts it in place of
// the original, reclaiming the space of deleted and replaced documents
// (bbolt files never shrink). It checks the file's pages first and
// refuses a damaged file, whose copy could silently lack what the damage
// hides. The database must be open read-write; it is closed by Compact
// whatever the outcome. A cancelled ctx stops the copy and leaves the
// original as it was. It returns the sizes before and after.
func (db *DB) Compact(ctx context.Context) (before, after int64, err error) {
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
	err = db.viewPages(ctx, func(t *Tx, pages []pageProblem) error {
		for _, p := range pages {
			if p.Structural {
				return fmt.Errorf("%w: %s (run 'almanac check' for all the problems)", ErrCorrupt, p)
			}
		}
		return copyAll(ctx, dst, t.btx)
	})
	if err == nil {
		err = dst.Sync()
	}
	if cerr := dst.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		// The sync of a large copy takes a while: a signal during it
		// still leaves the original as it was.
		err = ctx.Err()
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

// copyAll copies every bucket of src into dst, which is empty, committing
// every compactTxBytes and looking at ctx every 4,096 keys. Keys arrive in
// order, so pages are filled completely.
func copyAll(ctx context.Context, dst *bolt.DB, src *bolt.Tx) (err error) {
	tx, err := dst.Begin(true)
	if err != nil {
		return err
	}
	defer func() {
		if tx != nil {
			tx.Rollback()
		}
	}()
	size, n := 0, 0
	// bucket returns the destination bucket at path in the current tx.
	bucket := func(path [][]byte) *bolt.Bucket {
		b := tx.Bucket(path[0])
		for _, k := range path[1:] {
			b = b.Bucket(k)
		}
		b.FillPercent = 1.0
		return b
	}
	var walk func(path [][]byte, src *bolt.Bucket) error
	walk = func(path [][]byte, src *bolt.Bucket) error {
		return src.ForEach(func(k, v []byte) error {
			if n++; n%4096 == 0 {
				if err := ctx.Err(); err != nil {
					return err
				}
			}
			if size += len(k) + len(v); size > compactTxBytes {
				if err := tx.Commit(); err != nil {
					tx = nil
					return err
				}
				if tx, err = dst.Begin(true); err != nil {
					return err
				}
				size = 0
			}
			if v != nil {
				return bucket(path).Put(k, v)
			}
			sub := src.Bucket(k)
			nb, err := bucket(path).CreateBucket(k)
			if err != nil {
				return err
			}
			if err := nb.SetSequence(sub.Sequence()); err != nil {
				return err
			}
			return walk(append(path[:len(path):len(path)], k), sub)
		})
	}
	err = src.ForEach(func(name []byte, b *bolt.Bucket) error {
		nb, err := tx.CreateBucket(name)
		if err != nil {
			return err
		}
		if err := nb.SetSequence(b.Sequence()); err != nil {
			return err
		}
		return walk([][]byte{name}, b)
	})
	if err != nil {
		return err
	}
	err = tx.Commit()
	tx = nil
	return err
}
