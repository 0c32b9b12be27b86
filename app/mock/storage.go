package mock

import (
	"context"

	"github.com/seller-assistant/seller-assistant/app"
)

// StorageStore is a double of app.StorageStore; it works on a nil receiver
// (no fees, no stock, the default threshold, saves nothing).
type StorageStore struct {
	StorageFeesFn        func() ([]app.StorageFee, error)
	SaveStorageFeeFn     func(f app.StorageFee) (int64, error)
	DeleteStorageFeeFn   func(id int64) error
	SaveStorageProfileFn func(p app.StorageProfile) error
	StorageInputsFn      func(o app.StorageOptions) ([]app.StorageInput, error)
	AgedDaysFn           func() (int, error)
	SetAgedDaysFn        func(days int) error
}

var _ app.StorageStore = (*StorageStore)(nil)

func (s *StorageStore) StorageFees(context.Context) ([]app.StorageFee, error) {
	if s == nil || s.StorageFeesFn == nil {
		return nil, nil
	}
	return s.StorageFeesFn()
}

func (s *StorageStore) SaveStorageFee(_ context.Context, f app.StorageFee) (int64, error) {
	if s == nil || s.SaveStorageFeeFn == nil {
		return 0, nil
	}
	return s.SaveStorageFeeFn(f)
}

func (s *StorageStore) DeleteStorageFee(_ context.Context, id int64) error {
	if s == nil || s.DeleteStorageFeeFn == nil {
		return nil
	}
	return s.DeleteStorageFeeFn(id)
}

func (s *StorageStore) SaveStorageProfile(_ context.Context, p app.StorageProfile) error {
	if s == nil || s.SaveStorageProfileFn == nil {
		return nil
	}
	return s.SaveStorageProfileFn(p)
}

func (s *StorageStore) StorageInputs(_ context.Context, o app.StorageOptions) ([]app.StorageInput, error) {
	if s == nil || s.StorageInputsFn == nil {
		return nil, nil
	}
	return s.StorageInputsFn(o)
}

func (s *StorageStore) AgedDays(context.Context) (int, error) {
	if s == nil || s.AgedDaysFn == nil {
		return app.DefaultAgedDays, nil
	}
	return s.AgedDaysFn()
}

func (s *StorageStore) SetAgedDays(_ context.Context, days int) error {
	if s == nil || s.SetAgedDaysFn == nil {
		return nil
	}
	return s.SetAgedDaysFn(days)
}
