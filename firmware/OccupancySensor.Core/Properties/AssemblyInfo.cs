// Assembly metadata of OccupancySensor.Core. nanoFramework projects keep these attributes in Properties\AssemblyInfo.cs.

using System.Reflection;

[assembly: AssemblyTitle("OccupancySensor.Core")]
[assembly: AssemblyDescription("Portable occupancy-sensing logic (thermal frames, PIR, configuration, readings) for .NET nanoFramework and .NET.")]
[assembly: AssemblyCompany("OccupancySensor contributors")]
[assembly: AssemblyProduct("OccupancySensor")]
[assembly: AssemblyCopyright("Copyright (c) OccupancySensor contributors")]
[assembly: AssemblyVersion("0.1.0.0")]
[assembly: AssemblyFileVersion("0.1.0.0")]
