/* TESTS ONLY, never shipped. Go >= 1.24's runtime on Windows takes its
 * random bytes from ProcessPrng in bcryptprimitives.dll (Windows 10 and 11
 * have it); Debian's wine 8.0 lacks it, so the .exe dies at once under wine.
 * scripts/test-dist.sh builds this stand-in with mingw-w64 into the test's
 * wine prefix: ProcessPrng filled by advapi32's RtlGenRandom. */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length); /* RtlGenRandom */

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length)
{
	while (length > 0) {
		ULONG n = length > 0x40000000 ? 0x40000000 : (ULONG)length;
		if (!SystemFunction036(data, n))
			return FALSE;
		data += n;
		length -= n;
	}
	return TRUE;
}
