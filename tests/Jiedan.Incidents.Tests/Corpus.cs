namespace Jiedan.Incidents.Tests;

/// <summary>The test corpus: runbooks written for the tests (English and Chinese), YAML records, resolved incidents.</summary>
public static class Corpus
{
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "Fixtures", "corpus");
}
