namespace Jiedan.Loc.Classification;

/// <summary>Recognises test code by the naming conventions of each ecosystem and by test directories.</summary>
internal static class TestCode
{
    private static readonly string[] TestDirectories = ["tests", "test", "__tests__", "testdata", "spec", "specs"];
    private static readonly string[] Suffixes =
    [
        "_test.go", "Tests.cs", "Test.cs", "_test.py", "_test.rs", "Test.java", "Tests.java", "Test.kt", "Tests.kt",
        "_spec.rb", "_test.rb", "Test.php", "Tests.swift", "Test.swift", "_test.c", "_test.cc", "_test.cpp", "_unittest.cc",
    ];
    private static readonly string[] Infixes = [".test.", ".spec."];

    /// <param name="relativePath">Path from the scanned root, '/'-separated.</param>
    public static bool IsTest(string relativePath)
    {
        var slash = relativePath.LastIndexOf('/');
        var name = relativePath[(slash + 1)..];
        foreach (var suffix in Suffixes)
            if (name.EndsWith(suffix, StringComparison.Ordinal) && name.Length > suffix.Length) return true;
        if (name.StartsWith("test_", StringComparison.Ordinal) && name.EndsWith(".py", StringComparison.Ordinal)) return true;
        foreach (var infix in Infixes)
            if (name.Contains(infix, StringComparison.Ordinal)) return true;
        if (slash < 0) return false;
        foreach (var segment in relativePath[..slash].Split('/'))
            foreach (var dir in TestDirectories)
                if (segment == dir) return true;
        return false;
    }
}
