// Assembly metadata of OccupancySensor.DeviceTests. nanoFramework projects keep these attributes in Properties\AssemblyInfo.cs.

using System.Reflection;

[assembly: AssemblyTitle("OccupancySensor.DeviceTests (NFUnitTest)")]
[assembly: AssemblyDescription("On-device unit tests of OccupancySensor.Core for the .NET nanoFramework test framework.")]
[assembly: AssemblyCompany("OccupancySensor contributors")]
[assembly: AssemblyProduct("OccupancySensor")]
[assembly: AssemblyCopyright("Copyright (c) OccupancySensor contributors")]
[assembly: AssemblyVersion("0.1.0.0")]
[assembly: AssemblyFileVersion("0.1.0.0")]
