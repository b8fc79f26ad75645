namespace Jiedan.Files.Tests;

/// <summary>Paths from documents are resolved like the kernel resolves them and must stay under their root.</summary>
public class ConfinedPathTests
{
    [Fact]
    public void A_relative_path_inside_the_root_resolves()
    {
        using var scratch = new Scratch();
        var file = scratch.File("project/reports/c.out");

        var resolved = ConfinedPath.Resolve(Path.Combine(scratch.Root, "project"), Path.Combine(scratch.Root, "project"),
            "reports/../reports/c.out", "f");

        Assert.Equal(file, resolved);
    }

    [Fact]
    public void Dot_dot_out_of_the_root_is_refused_naming_field_and_path()
    {
        using var scratch = new Scratch();
        var project = Directory.CreateDirectory(Path.Combine(scratch.Root, "project")).FullName;

        var error = Assert.Throws<FileRefusedException>(() =>
            ConfinedPath.Resolve(project, project, "../../../../etc/passwd", "coverage.profiles"));

        Assert.Equal("coverage.profiles: ../../../../etc/passwd: outside the allowed root", error.Message);
    }

    [Fact]
    public void An_absolute_path_to_a_sibling_is_refused()
    {
        using var scratch = new Scratch();
        var project = Directory.CreateDirectory(Path.Combine(scratch.Root, "project")).FullName;
        var sibling = scratch.File("project-other/coverage.out");

        Assert.Throws<FileRefusedException>(() => ConfinedPath.Resolve(project, project, sibling, "f"));
        // A prefix of the name is not containment.
        Assert.False(ConfinedPath.IsInside(project, project + "-other/x"));
    }

    [Fact]
    public void A_symlink_pointing_out_is_refused_and_dot_dot_applies_after_the_link()
    {
        using var scratch = new Scratch();
        var project = Directory.CreateDirectory(Path.Combine(scratch.Root, "project")).FullName;
        Directory.CreateDirectory(Path.Combine(scratch.Root, "elsewhere", "deep"));
        scratch.Link("project/out", Path.Combine(scratch.Root, "elsewhere", "deep"));
        scratch.Link("project/passwd", "/etc/passwd");

        Assert.Throws<FileRefusedException>(() => ConfinedPath.Resolve(project, project, "passwd", "f"));
        Assert.Throws<FileRefusedException>(() => ConfinedPath.Resolve(project, project, "out/x", "f"));
        // out/.. is elsewhere/, not the project: lexical collapsing would wrongly let this through.
        Assert.Equal(Path.Combine(scratch.Root, "elsewhere"), ConfinedPath.RealPath(Path.Combine(project, "out", "..")));
    }

    [Fact]
    public void A_link_loop_is_an_error_not_a_hang()
    {
        using var scratch = new Scratch();
        scratch.Link("a", Path.Combine(scratch.Root, "b"));
        scratch.Link("b", Path.Combine(scratch.Root, "a"));

        Assert.Throws<IOException>(() => ConfinedPath.RealPath(Path.Combine(scratch.Root, "a")));
    }
}
