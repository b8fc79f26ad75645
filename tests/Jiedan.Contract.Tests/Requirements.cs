using Jiedan.Domain.Contract;

namespace Jiedan.Contract.Tests;

/// <summary>The requirement files under requirements/ (copied beside the test assembly).</summary>
internal static class Requirements
{
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "requirements");

    public static TheoryData<string> All()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Folder, "*.yml").Order(StringComparer.Ordinal)) data.Add(Path.GetFileName(file));
        return data;
    }

    public static RequirementDocument Read(string name) => RequirementReader.Read(File.ReadAllText(Path.Combine(Folder, name)), name);

    public static GeneratedContract Generate(string name) => ContractGenerator.Generate(Read(name));
}
