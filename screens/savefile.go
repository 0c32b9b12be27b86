package screens

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage/repository"
)

// Fyne's save dialog hands its callback a writer it has already opened
// with os.Create: the chosen file is truncated before the app can look at
// it. Pick the open workspace in "Export report" and it is gone before any
// check runs. Every save in this app writes the path itself (through
// atomicfile, which refuses the workspace and any database and replaces a
// file only once the new one is complete), so the dialog's writer is made
// lazy: it opens the file on its first Write and a Close without writing
// touches nothing.

// protectSaveDialogs wraps the "file" repository the driver registered. It
// is safe to call more than once.
func protectSaveDialogs() {
	r, err := repository.ForScheme("file")
	if err != nil {
		return
	}
	if _, done := r.(*lazyFiles); done {
		return
	}
	w, ok := r.(repository.WritableRepository)
	if !ok {
		return
	}
	repository.Register("file", &lazyFiles{WritableRepository: w})
}

// lazyFiles is the file repository with a lazy Writer; every other
// operation is the wrapped repository's.
type lazyFiles struct {
	repository.WritableRepository
}

func (l *lazyFiles) Writer(u fyne.URI) (fyne.URIWriteCloser, error) {
	return &lazyWriter{uri: u, open: l.WritableRepository.Writer}, nil
}

func (l *lazyFiles) Appender(u fyne.URI) (fyne.URIWriteCloser, error) {
	if a, ok := l.WritableRepository.(repository.AppendableRepository); ok {
		return a.Appender(u)
	}
	return nil, repository.ErrOperationNotSupported
}

func (l *lazyFiles) CanList(u fyne.URI) (bool, error) {
	if r, ok := l.WritableRepository.(repository.ListableRepository); ok {
		return r.CanList(u)
	}
	return false, repository.ErrOperationNotSupported
}

func (l *lazyFiles) List(u fyne.URI) ([]fyne.URI, error) {
	if r, ok := l.WritableRepository.(repository.ListableRepository); ok {
		return r.List(u)
	}
	return nil, repository.ErrOperationNotSupported
}

func (l *lazyFiles) CreateListable(u fyne.URI) error {
	if r, ok := l.WritableRepository.(repository.ListableRepository); ok {
		return r.CreateListable(u)
	}
	return repository.ErrOperationNotSupported
}

func (l *lazyFiles) Parent(u fyne.URI) (fyne.URI, error) {
	if r, ok := l.WritableRepository.(repository.HierarchicalRepository); ok {
		return r.Parent(u)
	}
	return repository.GenericParent(u)
}

func (l *lazyFiles) Child(u fyne.URI, name string) (fyne.URI, error) {
	if r, ok := l.WritableRepository.(repository.HierarchicalRepository); ok {
		return r.Child(u, name)
	}
	return repository.GenericChild(u, name)
}

func (l *lazyFiles) Copy(src, dst fyne.URI) error {
	if r, ok := l.WritableRepository.(repository.CopyableRepository); ok {
		return r.Copy(src, dst)
	}
	return repository.GenericCopy(src, dst)
}

func (l *lazyFiles) Move(src, dst fyne.URI) error {
	if r, ok := l.WritableRepository.(repository.MovableRepository); ok {
		return r.Move(src, dst)
	}
	return repository.GenericMove(src, dst)
}

var (
	_ repository.AppendableRepository   = (*lazyFiles)(nil)
	_ repository.ListableRepository     = (*lazyFiles)(nil)
	_ repository.HierarchicalRepository = (*lazyFiles)(nil)
	_ repository.CopyableRepository     = (*lazyFiles)(nil)
	_ repository.MovableRepository      = (*lazyFiles)(nil)
)

// lazyWriter opens its file on the first Write.
type lazyWriter struct {
	uri  fyne.URI
	open func(fyne.URI) (fyne.URIWriteCloser, error)
	w    fyne.URIWriteCloser
}

func (l *lazyWriter) URI() fyne.URI { return l.uri }

func (l *lazyWriter) Write(p []byte) (int, error) {
	if l.w == nil {
		w, err := l.open(l.uri)
		if err != nil {
			return 0, err
		}
		l.w = w
	}
	return l.w.Write(p)
}

func (l *lazyWriter) Close() error {
	if l.w == nil {
		return nil
	}
	return l.w.Close()
}
