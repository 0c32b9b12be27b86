package mock

import (
	"context"

	"github.com/seller-assistant/seller-assistant/app"
)

// ChannelStore is a double of app.ChannelStore; a nil *ChannelStore saves
// nothing and reports no error.
type ChannelStore struct {
	SaveChannelFn    func(c app.LogisticsChannel) (int64, error)
	DeleteChannelFn  func(id int64) error
	SavePlatformFn   func(p app.Platform) (int64, error)
	DeletePlatformFn func(id int64) error
}

var _ app.ChannelStore = (*ChannelStore)(nil)

func (m *ChannelStore) SaveChannel(_ context.Context, c app.LogisticsChannel) (int64, error) {
	if m == nil || m.SaveChannelFn == nil {
		return c.ID, nil
	}
	return m.SaveChannelFn(c)
}

func (m *ChannelStore) DeleteChannel(_ context.Context, id int64) error {
	if m == nil || m.DeleteChannelFn == nil {
		return nil
	}
	return m.DeleteChannelFn(id)
}

func (m *ChannelStore) SavePlatform(_ context.Context, p app.Platform) (int64, error) {
	if m == nil || m.SavePlatformFn == nil {
		return p.ID, nil
	}
	return m.SavePlatformFn(p)
}

func (m *ChannelStore) DeletePlatform(_ context.Context, id int64) error {
	if m == nil || m.DeletePlatformFn == nil {
		return nil
	}
	return m.DeletePlatformFn(id)
}
