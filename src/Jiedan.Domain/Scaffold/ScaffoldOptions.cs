namespace Jiedan.Domain.Scaffold;

public enum GoFramework { Gin, Stdlib }

/// <summary>What the user chose: the Go module path, the HTTP framework and the language of the README.</summary>
public sealed record ScaffoldOptions(string ModulePath, GoFramework Framework = GoFramework.Gin, bool Chinese = false);

/// <summary>One file of the generated project; <see cref="Path"/> is relative, with '/'.</summary>
public sealed record ScaffoldFile(string Path, string Text);
