using System.Xml.Linq;

namespace NanoCompileGate;

/// <summary>One package reference of an nfproj: a DLL inside packages\ID.VERSION\lib\.</summary>
public sealed record PackageAssembly(string Assembly, string PackageId, string Version, string HintPath);

/// <summary>
/// What the gate needs from a nanoFramework project file: its compile items, package references (by HintPath)
/// and project references, plus the packages.config beside it. The nfproj is the source of truth for what Visual
/// Studio builds, so the gate compiles exactly what it lists.
/// </summary>
public sealed class NanoProject
{
    private static readonly XNamespace Msbuild = "http://schemas.microsoft.com/developer/msbuild/2003";

    private NanoProject(string path)
    {
        Path = path;
        Directory = System.IO.Path.GetDirectoryName(path)!;
        Document = XDocument.Load(path, LoadOptions.PreserveWhitespace);
    }

    public string Path { get; }

    public string Directory { get; }

    public XDocument Document { get; }

    public string AssemblyName { get; private set; } = "";

    public bool IsExecutable { get; private set; }

    public List<string> CompileItems { get; } = new();

    public List<PackageAssembly> Packages { get; } = new();

    public List<string> ProjectReferences { get; } = new();

    /// <summary>Package id → version from packages.config.</summary>
    public Dictionary<string, string> PackagesConfig { get; } = new(StringComparer.OrdinalIgnoreCase);

    public static NanoProject Load(string path, string repoRoot, List<GateDiagnostic> diagnostics)
    {
        var project = new NanoProject(path);
        var relative = SurfaceSet.Relative(repoRoot, path);
        var root = project.Document.Root!;
        project.AssemblyName = root.Descendants(Msbuild + "AssemblyName").Select(e => e.Value.Trim()).FirstOrDefault() ?? "";
        project.IsExecutable = string.Equals(
            root.Descendants(Msbuild + "OutputType").Select(e => e.Value.Trim()).FirstOrDefault(), "Exe", StringComparison.OrdinalIgnoreCase);
        if (project.AssemblyName.Length == 0)
        {
            diagnostics.Add(new GateDiagnostic(relative, 0, 0, "NFG200", "the project has no AssemblyName"));
        }

        foreach (var compile in root.Descendants(Msbuild + "Compile"))
        {
            project.CompileItems.Add(((string?)compile.Attribute("Include") ?? "").Replace('\\', '/'));
        }

        foreach (var reference in root.Descendants(Msbuild + "ProjectReference"))
        {
            var include = ((string?)reference.Attribute("Include") ?? "").Replace('\\', '/');
            project.ProjectReferences.Add(System.IO.Path.GetFullPath(System.IO.Path.Combine(project.Directory, include)));
        }

        foreach (var reference in root.Descendants(Msbuild + "Reference"))
        {
            var include = ((string?)reference.Attribute("Include") ?? "").Split(',')[0].Trim();
            var hint = reference.Element(Msbuild + "HintPath")?.Value.Trim().Replace('\\', '/') ?? "";
            var parsed = ParseHintPath(hint);
            if (parsed == null)
            {
                diagnostics.Add(new GateDiagnostic(relative, 0, 0, "NFG201",
                    $"reference '{include}' needs a HintPath of the form ../../packages/ID.VERSION/lib/[TFM/]{include}.dll, got '{hint}'"));
                continue;
            }

            if (!string.Equals(parsed.Value.Assembly, include, StringComparison.Ordinal))
            {
                diagnostics.Add(new GateDiagnostic(relative, 0, 0, "NFG202",
                    $"reference '{include}' points at {parsed.Value.Assembly}.dll"));
            }

            project.Packages.Add(new PackageAssembly(include, parsed.Value.Id, parsed.Value.Version, hint));
        }

        var config = System.IO.Path.Combine(project.Directory, "packages.config");
        if (!File.Exists(config))
        {
            diagnostics.Add(new GateDiagnostic(relative, 0, 0, "NFG203", "no packages.config beside the project"));
        }
        else
        {
            foreach (var package in XDocument.Load(config).Descendants("package"))
            {
                project.PackagesConfig[(string?)package.Attribute("id") ?? ""] = (string?)package.Attribute("version") ?? "";
            }
        }

        return project;
    }

    /// <summary>
    /// Splits "../../packages/nanoFramework.System.Math.1.5.116/lib/System.Math.dll" (or lib/netnano1.0/X.dll, as
    /// newer packages lay it out) into package id, version and assembly name.
    /// </summary>
    public static (string Id, string Version, string Assembly)? ParseHintPath(string hint)
    {
        var parts = hint.Split('/');
        var packages = Array.IndexOf(parts, "packages");
        var file = parts[^1];
        var isAssembly = file.EndsWith(".dll", StringComparison.Ordinal) || file.EndsWith(".exe", StringComparison.Ordinal);
        if (packages < 0 || packages + 3 >= parts.Length || parts[packages + 2] != "lib" || !isAssembly)
        {
            return null;
        }

        var folder = parts[packages + 1];
        // The version is the trailing run of dot-separated parts that start with a digit.
        var segments = folder.Split('.');
        var first = segments.Length;
        while (first > 1 && segments[first - 1].Length > 0 && char.IsDigit(segments[first - 1][0]))
        {
            first--;
        }

        if (first == segments.Length || first == 0)
        {
            return null;
        }

        var id = string.Join('.', segments[..first]);
        var version = string.Join('.', segments[first..]);
        return (id, version, file[..^4]);
    }

    /// <summary>Every .cs file of the project folder (bin and obj aside), relative to the project, with '/' separators.</summary>
    public List<string> SourceFilesOnDisk() =>
        System.IO.Directory.GetFiles(Directory, "*.cs", SearchOption.AllDirectories)
            .Select(f => System.IO.Path.GetRelativePath(Directory, f).Replace('\\', '/'))
            .Where(f => !f.StartsWith("bin/", StringComparison.Ordinal) && !f.StartsWith("obj/", StringComparison.Ordinal))
            .OrderBy(f => f, StringComparer.Ordinal)
            .ToList();

    /// <summary>Rewrites the compile items to exactly the files on disk (the gate's --sync).</summary>
    public void SyncCompileItems()
    {
        var root = Document.Root!;
        var existing = root.Descendants(Msbuild + "Compile").ToList();
        var group = existing.FirstOrDefault()?.Parent;
        if (group == null)
        {
            group = new XElement(Msbuild + "ItemGroup");
            var anchor = root.Elements(Msbuild + "ItemGroup").LastOrDefault();
            if (anchor != null)
            {
                anchor.AddAfterSelf(new XText("\n  "), group);
            }
            else
            {
                root.Add(group);
            }
        }

        foreach (var item in existing)
        {
            item.Remove();
        }

        // Rebuild the group's layout too: the whitespace between items goes with them.
        foreach (var text in group.Nodes().OfType<XText>().ToList())
        {
            text.Remove();
        }

        foreach (var file in SourceFilesOnDisk())
        {
            group.Add(new XText("\n    "), new XElement(Msbuild + "Compile", new XAttribute("Include", file.Replace('/', '\\'))));
        }

        group.Add(new XText("\n  "));
        var settings = new System.Xml.XmlWriterSettings { Encoding = new System.Text.UTF8Encoding(false), OmitXmlDeclaration = false };
        using (var writer = System.Xml.XmlWriter.Create(Path, settings))
        {
            Document.Save(writer);
        }
    }
}
