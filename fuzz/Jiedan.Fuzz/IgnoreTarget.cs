using System.Text;
using Jiedan.Loc.Walking;

namespace Jiedan.Fuzz;

/// <summary>
/// <c>.gitignore</c> matching: the input up to its first NUL byte is the ignore file, the lines after it are paths to
/// match (without a NUL, a fixed set of paths). The file is loaded the way <c>jiedan loc</c> loads it, from a
/// directory that is the top of a git repository.
/// </summary>
internal static class IgnoreTarget
{
    private static readonly string[] DefaultPaths =
        ["main.go", "src/app/main.go", "build/out.o", "node_modules/x/index.js", ".env", "docs/a b/ç中文.md", "a/a/a/a/a/a/a/a/a/a/a/a/b"];

    private static readonly Lazy<string> Root = new(() =>
    {
        var root = Directory.CreateTempSubdirectory("jiedan-fuzz-ignore-").FullName;
        Directory.CreateDirectory(Path.Combine(root, ".git"));
        return root;
    });

    public static void Run(byte[] input)
    {
        var nul = Array.IndexOf(input, (byte)0);
        var rules = nul < 0 ? input : input[..nul];
        var paths = nul < 0 ? DefaultPaths : Paths(Encoding.UTF8.GetString(input, nul + 1, input.Length - nul - 1));
        File.WriteAllBytes(Path.Combine(Root.Value, ".gitignore"), rules);
        var problems = new List<string>();
        var ignore = IgnoreRules.ForRoot(Root.Value, problems);
        foreach (var path in paths)
        {
            ignore.IsIgnored(path, isDirectory: false);
            ignore.IsIgnored(path, isDirectory: true);
        }
    }

    /// <summary>Only paths the tree walker can produce: '/'-separated, no empty, '.' or '..' segments.</summary>
    private static IEnumerable<string> Paths(string text) =>
        text.Split('\n').Where(p => p.Length > 0 && p.Split('/').All(s => s is { Length: > 0 } and not "." and not ".."));
}
