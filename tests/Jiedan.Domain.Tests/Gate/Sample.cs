namespace Jiedan.Domain.Tests.Gate;

internal static class Sample
{
    public static string Path(string name) => System.IO.Path.Combine(AppContext.BaseDirectory, "Gate", "Samples", name);

    public static FileStream Open(string name) => File.OpenRead(Path(name));

    public static MemoryStream Text(string text) => new(System.Text.Encoding.UTF8.GetBytes(text));
}
