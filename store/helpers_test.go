package store_test

import (
	"encoding/binary"

	bolt "go.etcd.io/bbolt"
)

type boltTx = bolt.Tx

func boltOpen(path string) (*bolt.DB, error) { return bolt.Open(path, 0o644, nil) }

func u64(v uint64) []byte { return binary.BigEndian.AppendUint64(nil, v) }

func u32(v uint32) []byte { return binary.BigEndian.AppendUint32(nil, v) }
