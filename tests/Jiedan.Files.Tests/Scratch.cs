using System.Diagnostics;

namespace Jiedan.Files.Tests;

/// <summary>A throw-away directory with helpers for the hostile files the tests need: FIFOs, sparse files, links.</summary>
internal sealed class Scratch : IDisposable
{
    public string Root { get; } = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "jiedan-files-"
        + Guid.NewGuid().ToString("N"))).FullName;

    public string File(string relative, string content = "x\n")
    {
        var full = Path.Combine(Root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        System.IO.File.WriteAllText(full, content);
        return full;
    }

    public string Fifo(string relative)
    {
        var full = Path.Combine(Root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        using var mkfifo = Process.Start("mkfifo", [full]);
        mkfifo.WaitForExit();
        if (mkfifo.ExitCode != 0) throw new InvalidOperationException("mkfifo failed");
        return full;
    }

    public string Sparse(string relative, long length)
    {
        var full = Path.Combine(Root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        using var stream = new FileStream(full, FileMode.Create);
        stream.SetLength(length);
        return full;
    }

    public string Link(string relative, string target)
    {
        var full = Path.Combine(Root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        System.IO.File.CreateSymbolicLink(full, target);
        return full;
    }

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { }
    }
}
