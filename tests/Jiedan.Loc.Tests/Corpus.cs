namespace Jiedan.Loc.Tests;

/// <summary>The committed corpus of tricky files, copied next to the test assembly.</summary>
internal static class Corpus
{
    public static string Directory => Path.Combine(AppContext.BaseDirectory, "corpus");
}
