using Jiedan.Domain.Scaffold;
using Jiedan.Files;

namespace Jiedan.Scaffold.Services;

/// <summary>
/// Fills <c>vendor/</c> from Debian's packaged Go sources (<c>/usr/share/gocode/src</c>): every package a linux build of
/// the scaffold imports, and <c>vendor/modules.txt</c>, so <c>go build</c> needs no network. Only regular files are copied
/// (Go sources, cgo's C files and headers, assembly), each confined to the source root.
/// </summary>
public static class GoVendor
{
    private static readonly string[] Kept = [".go", ".c", ".h", ".s"];
    private const long MaxFileBytes = 16 << 20;

    /// <exception cref="ScaffoldRefusedException">a package the scaffold needs is not under the source root</exception>
    public static void Check(string sourceRoot, GoFramework framework)
    {
        var root = Path.GetFullPath(sourceRoot);
        if (RegularFile.KindOf(root) != FileKind.Directory)
            throw new ScaffoldRefusedException($"--vendor-from: {sourceRoot} is not a directory");
        foreach (var module in DebianGoModules.All(framework))
        {
            foreach (var package in module.Packages)
            {
                if (RegularFile.KindOf(Path.Combine(root, package)) != FileKind.Directory)
                    throw new ScaffoldRefusedException(
                        $"--vendor-from: {package} is not under {sourceRoot} (install {module.DebianPackage})");
            }
        }
    }

    public static void Fill(string sourceRoot, string project, GoFramework framework)
    {
        var root = ConfinedPath.RealPath(Path.GetFullPath(sourceRoot));
        foreach (var package in DebianGoModules.All(framework).SelectMany(m => m.Packages))
        {
            var from = ConfinedPath.Resolve(root, root, package, "--vendor-from");
            var to = Path.Combine(project, "vendor", package);
            Directory.CreateDirectory(to);
            var license = Directory.EnumerateFiles(from, "LICENSE*").FirstOrDefault();
            foreach (var file in Directory.EnumerateFiles(from))
            {
                var name = Path.GetFileName(file);
                var source = Kept.Contains(Path.GetExtension(name), StringComparer.Ordinal)
                    && !name.EndsWith("_test.go", StringComparison.Ordinal);
                if (!source && file != license) continue;
                if (RegularFile.KindOf(file, followLinks: false) != FileKind.Regular) continue;
                File.WriteAllBytes(Path.Combine(to, name), RegularFile.ReadAllBytes(file, MaxFileBytes, followLinks: false));
            }
        }
        File.WriteAllText(Path.Combine(project, "vendor", "modules.txt"), DebianGoModules.ModulesTxt(framework));
    }
}
