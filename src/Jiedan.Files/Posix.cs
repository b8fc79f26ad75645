using System.Runtime.InteropServices;
using System.Text;
using Tmds.Linux;
using static Tmds.Linux.LibC;

namespace Jiedan.Files;

/// <summary>The few system calls .NET does not expose: stat/lstat for the file type, open with O_NONBLOCK|O_NOFOLLOW.</summary>
internal static unsafe class Posix
{
    private const int ENOENT = 2, EINTR = 4, EACCES = 13, ENOTDIR = 20;

    public static FileKind Kind(string path, bool followLinks)
    {
        stat st;
        int rc;
        fixed (byte* p = NullTerminated(path))
        {
            do rc = followLinks ? stat(p, &st) : lstat(p, &st);
            while (rc != 0 && errno == EINTR);
        }
        if (rc != 0)
        {
            var error = errno;
            if (error is ENOENT or ENOTDIR) return FileKind.Missing;
            throw Failure(path, error);
        }
        return KindOf(st.st_mode);
    }

    /// <summary>Opens for reading without blocking (a FIFO swapped in after the type check cannot hang) and checks the type
    /// again.</summary>
    public static Microsoft.Win32.SafeHandles.SafeFileHandle OpenRegular(string path, bool followLinks) =>
        OpenRegular(path, followLinks, out _);

    /// <inheritdoc cref="OpenRegular(string, bool)"/>
    public static Microsoft.Win32.SafeHandles.SafeFileHandle OpenRegular(string path, bool followLinks, out long length)
    {
        var flags = O_RDONLY | O_NONBLOCK | O_CLOEXEC | (followLinks ? 0 : O_NOFOLLOW);
        int fd;
        fixed (byte* p = NullTerminated(path))
        {
            do fd = open(p, flags, default);
            while (fd < 0 && errno == EINTR);
        }
        if (fd < 0)
        {
            var error = errno;
            if (error == ELOOP && !followLinks) throw new FileRefusedException(path, "a symbolic link (not followed)");
            throw Failure(path, error);
        }
        stat st;
        var statError = fstat(fd, &st) == 0 ? 0 : errno;
        var kind = statError == 0 ? KindOf(st.st_mode) : FileKind.Missing;
        if (kind != FileKind.Regular)
        {
            _ = close(fd);
            throw statError != 0 ? Failure(path, statError) : new FileRefusedException(path, NotRegular(kind));
        }
        length = st.st_size;
        return new Microsoft.Win32.SafeHandles.SafeFileHandle(fd, ownsHandle: true);
    }

    public static string NotRegular(FileKind kind) => $"not a regular file ({kind.Describe()})";

    private static FileKind KindOf(mode_t mode) =>
        S_ISREG(mode) ? FileKind.Regular
        : S_ISDIR(mode) ? FileKind.Directory
        : S_ISLNK(mode) ? FileKind.SymbolicLink
        : S_ISFIFO(mode) ? FileKind.Fifo
        : S_ISSOCK(mode) ? FileKind.Socket
        : S_ISCHR(mode) ? FileKind.CharacterDevice
        : FileKind.BlockDevice;

    private static Exception Failure(string path, int error) => error switch
    {
        ENOENT or ENOTDIR => new FileNotFoundException($"{path}: no such file", path),
        EACCES => new UnauthorizedAccessException($"{path}: permission denied"),
        _ => new IOException($"{path}: {Marshal.GetPInvokeErrorMessage(error)}"),
    };

    private static byte[] NullTerminated(string path)
    {
        var bytes = new byte[Encoding.UTF8.GetByteCount(path) + 1];
        Encoding.UTF8.GetBytes(path, bytes);
        return bytes;
    }
}
