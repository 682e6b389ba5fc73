using NanoCompileGate;

// Usage: NanoCompileGate [--repo DIR] [--sync]
//   --repo DIR  the repository root (default: the current directory)
//   --sync      first rewrite each nfproj's <Compile> items to the .cs files in its folder
var repo = Directory.GetCurrentDirectory();
var sync = false;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--repo" when i + 1 < args.Length:
            repo = args[++i];
            break;
        case "--sync":
            sync = true;
            break;
        default:
            Console.Error.WriteLine($"unknown argument '{args[i]}'. Usage: NanoCompileGate [--repo DIR] [--sync]");
            return 2;
    }
}

var result = Gate.Run(repo, sync, Console.Out);
foreach (var diagnostic in result.Diagnostics)
{
    Console.Error.WriteLine(diagnostic);
}

if (result.Diagnostics.Count > 0)
{
    Console.Error.WriteLine($"nanoFramework compile gate FAILED: {result.Diagnostics.Count} error(s)");
    return 1;
}

Console.WriteLine($"nanoFramework compile gate passed: {string.Join(", ", result.CompiledProjects)} compile against {result.SurfaceCount} reference surfaces");
return 0;
