<?xml version="1.0" encoding="utf-8"?>
<!-- asm.*: ESO-like ambient condition tables (synthetic, 5 nights
2021-05-02..06, 21:00-10:00 UTC, 1-minute cadence, plus windows around every Paranal raw frame
and the Paranal products near named targets; LHATPRO PWV every 2 minutes in those windows).  Column names follow
ESO's asm.meteo_paranal / asm.dimm_paranal (subset).  RD id eso/asm. -->
<resource schema="asm" resdir=".">
  <meta name="creationDate">2024-01-01T00:00:00Z</meta>
  <meta name="title">Local ESO-like archive: ambient data (synthetic)</meta>
  <meta name="description">Synthetic Paranal meteo and DIMM data, for tests.</meta>
  <meta name="creator">Local test archive</meta>
  <meta name="subject">site-testing</meta>
  <table id="meteo_paranal" onDisk="True" adql="True">
    <meta name="description">Paranal meteo tower data, 1-minute averages (synthetic).</meta>
    <index columns="start_date"/>
    <column name="start_date" type="timestamp" ucd="time.start" verbLevel="1"
      description="Start (time) of the measurement."/>
    <column name="midpoint_date" type="timestamp" ucd="time.epoch" verbLevel="1"
      description="Midpoint (time) of the measurement."/>
    <column name="integration" type="smallint" unit="s" ucd="time.interval" verbLevel="1"
      description="Timebin [s] used for measurement of ambient data sample.">
      <values nullLiteral="-999"/></column>
    <column name="valid" type="smallint" ucd="meta.code.qual" verbLevel="1"
      description="1 if the sample is valid, 0 otherwise.">
      <values nullLiteral="-999"/></column>
    <column name="press_0m" type="real" unit="hPa" ucd="phys.pressure" verbLevel="1"
      description="Air Pressure: Temporal (1 minute) mean of observatory site ambient barometric air pressure measured at 0m above ground [hPa]."/>
    <column name="presqnh" type="real" unit="hPa" ucd="phys.pressure" verbLevel="1"
      description="Air Pressure Normalised: 1 minute average pressure normalised to sea level [hPa]."/>
    <column name="prestrend_0m" type="real" unit="hPa" ucd="phys.pressure;arith.diff" verbLevel="1"
      description="Air pressure trend at 0m [hPa]."/>
    <column name="rhum_2m" type="smallint" unit="%" ucd="phys.atmol.humidity" verbLevel="1"
      description="Relative humidity at 2m [%].">
      <values nullLiteral="-999"/></column>
    <column name="rhum_30m" type="smallint" unit="%" ucd="phys.atmol.humidity" verbLevel="1"
      description="Relative humidity at 30m [%].">
      <values nullLiteral="-999"/></column>
    <column name="rhum_m20m" type="smallint" unit="%" ucd="phys.atmol.humidity" verbLevel="1"
      description="Relative humidity at the 20m mast [%].">
      <values nullLiteral="-999"/></column>
    <column name="temp_0m" type="real" unit="Celsius" ucd="phys.temperature" verbLevel="1"
      description="Ground temperature [C]."/>
    <column name="temp_2m" type="real" unit="Celsius" ucd="phys.temperature" verbLevel="1"
      description="Air temperature at 2m [C]."/>
    <column name="temp_2m_min" type="real" unit="Celsius" ucd="phys.temperature;stat.min" verbLevel="1"
      description="Minimum air temperature at 2m in the time bin [C]."/>
    <column name="temp_2m_max" type="real" unit="Celsius" ucd="phys.temperature;stat.max" verbLevel="1"
      description="Maximum air temperature at 2m in the time bin [C]."/>
    <column name="temp_2m_dev" type="real" unit="Celsius" ucd="phys.temperature;stat.stdev" verbLevel="1"
      description="Standard deviation of the air temperature at 2m [C]."/>
    <column name="temp_30m" type="real" unit="Celsius" ucd="phys.temperature" verbLevel="1"
      description="Air temperature at 30m [C]."/>
    <column name="tempdew_2m" type="real" unit="Celsius" ucd="phys.temperature.dew" verbLevel="1"
      description="Dew temperature at 2m [C]."/>
    <column name="wind_speed_10m" type="real" unit="m/s" ucd="phys.veloc;meteo.wind" verbLevel="1"
      description="Wind speed at 10m [m/s]."/>
    <column name="wind_speed_10m_max" type="real" unit="m/s" ucd="phys.veloc;meteo.wind;stat.max" verbLevel="1"
      description="Maximum wind speed at 10m in the time bin [m/s]."/>
    <column name="wind_speed_30m" type="real" unit="m/s" ucd="phys.veloc;meteo.wind" verbLevel="1"
      description="Wind speed at 30m [m/s]."/>
    <column name="wind_dir_10m" type="real" unit="deg" ucd="pos.azimuth;meteo.wind" verbLevel="1"
      description="Wind direction at 10m (0=N, 90=E) [deg]."/>
    <column name="wind_dir_30m" type="real" unit="deg" ucd="pos.azimuth;meteo.wind" verbLevel="1"
      description="Wind direction at 30m (0=N, 90=E) [deg]."/>
    <column name="wind_speedu_20m" type="real" unit="m/s" ucd="phys.veloc;meteo.wind" verbLevel="1"
      description="Wind speed U component at 20m [m/s]."/>
    <column name="wind_speedv_20m" type="real" unit="m/s" ucd="phys.veloc;meteo.wind" verbLevel="1"
      description="Wind speed V component at 20m [m/s]."/>
    <column name="wind_speedw_20m" type="real" unit="m/s" ucd="phys.veloc;meteo.wind" verbLevel="1"
      description="Wind speed W (vertical) component at 20m [m/s]."/>
    <column name="rain_m20m" type="smallint" ucd="meteo.precip" verbLevel="1"
      description="Rain flag at the 20m mast (0/1).">
      <values nullLiteral="-999"/></column>
  </table>

  <data id="import_meteo_paranal">
    <sources>data/meteo.jsonl</sources>
    <embeddedGrammar>
      <iterator>
        <setup imports="json"/>
        <code>
          with open(self.sourceToken) as f:
            for line in f:
              yield json.loads(line)
        </code>
      </iterator>
    </embeddedGrammar>
    <make table="meteo_paranal">
      <rowmaker idmaps="*"/>
    </make>
  </data>

  <table id="dimm_paranal" onDisk="True" adql="True">
    <meta name="description">Paranal DIMM seeing monitor (synthetic).</meta>
    <index columns="start_date"/>
    <column name="start_date" type="timestamp" ucd="time.start" verbLevel="1"
      description="Start (time) of the measurement."/>
    <column name="midpoint_date" type="timestamp" ucd="time.epoch" verbLevel="1"
      description="Midpoint (time) of the measurement."/>
    <column name="integration" type="smallint" unit="s" ucd="time.interval" verbLevel="1"
      description="Timebin [s] used for measurement of ambient data sample.">
      <values nullLiteral="-999"/></column>
    <column name="valid" type="smallint" ucd="meta.code.qual" verbLevel="1"
      description="1 if the sample is valid, 0 otherwise.">
      <values nullLiteral="-999"/></column>
    <column name="ra" type="double precision" unit="deg" ucd="pos.eq.ra" verbLevel="1"
      description="RA of the DIMM star."/>
    <column name="dec" type="double precision" unit="deg" ucd="pos.eq.dec" verbLevel="1"
      description="Dec of the DIMM star."/>
    <column name="star_name" type="text" ucd="meta.id" verbLevel="1"
      description="Name of the DIMM star."/>
    <column name="airmass" type="real" ucd="obs.airMass" verbLevel="1"
      description="Airmass of the DIMM star."/>
    <column name="fwhm" type="real" unit="arcsec" ucd="instr.obsty.seeing" verbLevel="1"
      description="DIMM seeing (FWHM at 500nm, at the observed airmass) [arcsec]."/>
    <column name="fwhm_ab" type="real" unit="arcsec" ucd="instr.obsty.seeing" verbLevel="1"
      description="DIMM seeing corrected to zenith [arcsec]."/>
    <column name="tau0" type="real" unit="s" ucd="time.duration" verbLevel="1"
      description="Coherence time [s]."/>
    <column name="theta0" type="real" unit="arcsec" ucd="phys.angSize" verbLevel="1"
      description="Isoplanatic angle [arcsec]."/>
    <column name="rfl" type="real" ucd="phot.flux" verbLevel="1"
      description="Relative flux of the DIMM star."/>
    <column name="rfl_rms" type="real" unit="%" ucd="phot.flux;stat.stdev" verbLevel="1"
      description="Relative flux RMS [%]."/>
  </table>

  <data id="import_dimm_paranal">
    <sources>data/dimm.jsonl</sources>
    <embeddedGrammar>
      <iterator>
        <setup imports="json"/>
        <code>
          with open(self.sourceToken) as f:
            for line in f:
              yield json.loads(line)
        </code>
      </iterator>
    </embeddedGrammar>
    <make table="dimm_paranal">
      <rowmaker idmaps="*"/>
    </make>
  </data>

  <table id="lhatpros_paranal" onDisk="True" adql="True">
    <meta name="description">Paranal LHATPRO microwave radiometer, zenith water vapour (synthetic;
      ESO's asm.lhatpros_paranal, subset, column names partly guessed).</meta>
    <index columns="start_date"/>
    <column name="start_date" type="timestamp" ucd="time.start" verbLevel="1"
      description="Start (time) of the measurement."/>
    <column name="midpoint_date" type="timestamp" ucd="time.epoch" verbLevel="1"
      description="Midpoint (time) of the measurement."/>
    <column name="integration" type="smallint" unit="s" ucd="time.interval" verbLevel="1"
      description="Timebin [s] used for measurement of ambient data sample.">
      <values nullLiteral="-999"/></column>
    <column name="valid" type="smallint" ucd="meta.code.qual" verbLevel="1"
      description="1 if the sample is valid, 0 otherwise.">
      <values nullLiteral="-999"/></column>
    <column name="lhatpro_id" type="smallint" ucd="meta.id;instr" verbLevel="1"
      description="Radiometer id.">
      <values nullLiteral="-999"/></column>
    <column name="platform" type="text" ucd="meta.id;instr.tel" verbLevel="1"
      description="Platform the radiometer is mounted on."/>
    <column name="alt" type="real" unit="deg" ucd="pos.az.alt" verbLevel="1"
      description="Altitude of the line of sight [deg]."/>
    <column name="az" type="real" unit="deg" ucd="pos.az.azi" verbLevel="1"
      description="Azimuth of the line of sight [deg]."/>
    <column name="irt0" type="real" unit="Celsius" ucd="phys.temperature" verbLevel="1"
      description="Infrared sky brightness temperature [C]."/>
    <column name="lwp0" type="real" unit="g/m**2" ucd="phys.columnDensity" verbLevel="1"
      description="Liquid water path [g/m2]."/>
    <column name="iwv" type="real" unit="mm" ucd="phys.columnDensity;meteo" verbLevel="1"
      description="Integrated water vapour (precipitable water vapour, PWV) at zenith [mm]."/>
  </table>

  <data id="import_lhatpros_paranal">
    <sources>data/lhatpro.jsonl</sources>
    <embeddedGrammar>
      <iterator>
        <setup imports="json"/>
        <code>
          with open(self.sourceToken) as f:
            for line in f:
              yield json.loads(line)
        </code>
      </iterator>
    </embeddedGrammar>
    <make table="lhatpros_paranal">
      <rowmaker idmaps="*"/>
    </make>
  </data>

</resource>
