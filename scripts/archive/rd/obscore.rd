<?xml version="1.0" encoding="utf-8"?>
<!-- ivoa.ObsCore with ESO's 55 columns (names, units, UCDs, utypes and
descriptions follow ESO's tap_obs ivoa.ObsCore metadata, see
../README.md for provenance).  This is our own table in schema ivoa,
NOT DaCHS's //obscore view (which is never imported here), so that
SELECT * returns exactly ESO's columns.

Rows come from data/obscore.jsonl written by ../make_data.py.
s_region is a pgsphere spoly (DaCHS 2.7 maps adql:REGION to spoly only):
circles are 24-gons, spectra tiny hexagons, mosaics their outline. -->
<resource schema="ivoa" resdir=".">
  <meta name="creationDate">2024-01-01T00:00:00Z</meta>
  <meta name="title">Local ESO-like archive: ObsCore (synthetic)</meta>
  <meta name="description">Synthetic ESO Science Archive Phase 3 products
    (images, cubes, spectra, catalogues) in ESO's ivoa.ObsCore shape, for
    software tests only.</meta>
  <meta name="creator">Local test archive</meta>
  <meta name="subject">virtual-observatories</meta>

  <table id="obscore" onDisk="True" adql="True" primary="dp_id">
    <meta name="description">ESO-like ObsCore table: one row per
      reduced (Phase 3) data product; ESO's 55 columns.</meta>
    <meta name="_associatedDatalinkService">
      <meta name="serviceId">eso/q#dl</meta>
      <meta name="idColumn">obs_publisher_did</meta>
    </meta>
    <stc>Polygon ICRS [s_region]</stc>
    <index columns="s_region" method="GIST"/>
    <index columns="s_ra,s_dec"/>
    <index columns="obs_publisher_did"/>
    <index columns="obs_collection"/>
    <index columns="instrument_name"/>
    <index columns="t_min"/>
    <column name="abmaglim" type="double precision" unit="mag" ucd="phot.mag;stat.max" verbLevel="10"
      description="ESO-specific field not present in the standard ObsCore. 5-sigma limiting AB (Oke) magnitude. The quoted magnitude should refer to the total flux of a point source. Applicable to the following data product type: cube, image, and measurements."/>
    <column name="access_estsize" type="bigint" unit="kbyte" ucd="phys.size;meta.file" utype="obscore:Access.size" verbLevel="10"
      description="Estimated size of the downloaded file in KBytes.">
      <values nullLiteral="-999"/></column>
    <column name="access_format" type="text" ucd="meta.code.mime" utype="obscore:Access.format" verbLevel="10"
      description="The format of the downloaded file."/>
    <column name="access_url" type="text" ucd="meta.ref.url" utype="obscore:Access.reference" verbLevel="1"
      description="A URL that points to the DataLink (VO Standard) service that is used to download the dataset, associated files, their provenance or derived products, etc."/>
    <column name="bib_reference" type="text" ucd="meta.bib" utype="obscore:Curation.reference" verbLevel="10"
      description="URL or bibcode to the main publication that refers to the data set."/>
    <column name="calib_level" type="integer" ucd="meta.code;obs.calib" utype="obscore:ObsDataset.calibLevel" verbLevel="10"
      description="Calibration level: 0-instrument (raw) data in non-standard format, 1-instrumental (raw) data in standard format, 2-science ready data with instrument signature removed, 3-more highly processed data. Ref. PRODLVL keyword in ESO SDP standard if present, otherwise: set to 3 when dataproduct_type contains token deep or tile, set to 4 for catalogs.">
      <values nullLiteral="-999"/></column>
    <column name="dataproduct_subtype" type="text" ucd="meta.code.class" utype="obscore:ObsDataset.dataProductSubtype" verbLevel="10"
      description="A data-provider/collection specific secondary type, e.g. srctbl or catalog for measurements, tile or pawprint for VISTA images, etc."/>
    <column name="dataproduct_type" type="text" ucd="meta.code.class" utype="obscore:ObsDataset.dataProductType" verbLevel="1"
      description="Logical data set type (image, spectrum, visibility, cube, measurements, etc.)"/>
    <column name="dp_id" type="text" ucd="meta.id" verbLevel="1"
      description="ESO-specific field not present in the standard ObsCore. The original ESO identifier of the main science file. ObsCore uses obs_publisher_did, which returns the full IVO Identifier. This field can be used to join with other ESO (non-VO) tables, like provenance."/>
    <column name="em_max" type="double precision" unit="m" ucd="em.wl;stat.max" utype="obscore:Char.SpectralAxis.Coverage.Bounds.Limits.HiLimit" verbLevel="10"
      description="Maximum spectral value observed, expressed in vacuum wavelength in meters; ref. WAVELMAX keyword in ESO SDP standard."/>
    <column name="em_min" type="double precision" unit="m" ucd="em.wl;stat.min" utype="obscore:Char.SpectralAxis.Coverage.Bounds.Limits.LoLimit" verbLevel="10"
      description="Minimum specrtal value observed, expressed in vacuum wavelength in meters; ref. WAVELMIN keyword in ESO SDP standard."/>
    <column name="em_res_power" type="double precision" ucd="spect.resolution" utype="obscore:Char.SpectralAxis.Resolution.ResolPower.refVal" verbLevel="10"
      description="The characteristic spectral resolving power (lambda/delta(lambda)) of the data set. Ref. SPECRES keyword in ESO SDP standard, computed from em_min and em_max when SPECRES not provided := central lambda / delta(lambda) = 0.5*(wavelmin+wavelmax) / (wavelmax-wavelmin)"/>
    <column name="em_xel" type="bigint" ucd="meta.number" utype="obscore:Char.SpectralAxis.numBins" verbLevel="10"
      description="Number of elements on the spectral axis.">
      <values nullLiteral="-999"/></column>
    <column name="facility_name" type="text" ucd="meta.id;instr.tel" utype="obscore:Provenance.ObsConfig.Facility.name" verbLevel="10"
      description="Name of the ESO telescope utilised to gather the photons. Possible values are: APEX-12m ESO-3.6 ESO-NTT ESO-VISTA ESO-VLT-U1 ESO-VLT-U2 ESO-VLT-U3 ESO-VLT-U4 ESO-VST MPG/ESO-2.2, and more to come, plus any combination of those (comma-separated), or the word MULTI."/>
    <column name="filter" type="text" ucd="meta.id;instr.filter" verbLevel="10"
      description="ESO-specific field not present in the standard ObsCore. The ESO instrument filter name. ObsCore uses em_min, em_max, and em_res_power to characterise the transmission curve of the bandpass; this field can be used to improve readibility."/>
    <column name="gal_lat" type="double precision" unit="deg" ucd="pos.galactic.lat" utype="galactic:Char.SpatialAxis.Coverage.Location.Coord.Position2D.Value2.C2" verbLevel="10"
      description="ESO-specific field not present in the standard ObsCore. Galactic coordinate: latitude; Image/tile/cube centre, barycentre of image arrays in MEF format ; spectroscopic target position; centre of the survey field in case of catalogues."/>
    <column name="gal_lon" type="double precision" unit="deg" ucd="pos.galactic.lon" utype="galactic:Char.SpatialAxis.Coverage.Location.Coord.Position2D.Value2.C1" verbLevel="10"
      description="ESO-specific field not present in the standard ObsCore. Galactic coordinate: longitude; Image/tile/cube centre, barycentre of image arrays in MEF format ; spectroscopic target position; centre of the survey field in case of catalogues."/>
    <column name="instrument_name" type="text" ucd="meta.id;instr" utype="obscore:Provenance.ObsConfig.Instrument.name" verbLevel="1"
      description="Name of the instrument(s) utilised to gather the data; if the data set combines multiple instruments, usually the value MULTI is assigned."/>
    <column name="is_solar" type="smallint" verbLevel="10"
      description="A flag indicating whether the target is the Sun (1) or not (0). It is currently known to be properly set for ALMA products, and for the ESO HELIOS (feeding HARPS and NIRPS) and POET (feeding ESPRESSO) solar telescopes.">
      <values nullLiteral="-999"/></column>
    <column name="last_mod_date" type="timestamp" ucd="time" utype="ssa:Curation.Date" verbLevel="10"
      description="Time stamp of last modification of the metadata"/>
    <column name="multi_ob" type="text" ucd="meta.code.multip;obs" verbLevel="10"
      description="ESO-specific field not present in the standard ObsCore. A flag, either M or S. M-Multi OB means that the exposures from different telescope visits have been combined together; S-Single OB means that the product is the result of either a single exposure, or of the combination of exposures taken during the same visit, hence with similar atmospheric conditions, airmasses, etc."/>
    <column name="n_obs" type="integer" ucd="meta.number;obs" verbLevel="10"
      description="ESO-specific field not present in the standard ObsCore. Number of observations participating into this data product.">
      <values nullLiteral="-999"/></column>
    <column name="o_calib_status" type="text" ucd="meta.code.qual" utype="obscore:Char.ObservableAxis.calibrationStatus" verbLevel="10"
      description="Level of the calibration of the observable (e.g. flux)."/>
    <column name="o_ucd" type="text" ucd="meta.ucd" utype="obscore:Char.ObservableAxis.ucd" verbLevel="10"
      description="Nature of the observable within the data set, expressed as an Uniform Content Descriptor (IVOA standard)."/>
    <column name="obs_collection" type="text" ucd="meta.id" utype="obscore:DataID.collection" verbLevel="10"
      description="The name of the data collection the data set belongs to."/>
    <column name="obs_creator_did" type="text" ucd="meta.id" utype="obscore:DataID.creatorDID" verbLevel="10"
      description="The original file name as assigned by the data producer, in form of a IVOA identifier."/>
    <column name="obs_creator_name" type="text" ucd="meta.id" utype="obscore:DataID.creator" verbLevel="10"
      description="The Principal Investigator either of the team that provided the data set to ESO through the Phase 3 process, or of the observing team in case the data have been certified by ESO."/>
    <column name="obs_id" type="text" ucd="meta.id" utype="obscore:DataID.observationID" verbLevel="10"
      description="In case multiple data sets are available for an observation, e.g. with different calibration levels, the obs_id value will be the same for each data set the observation comprises. The obs_id should remain identical through time for future reference."/>
    <column name="obs_publisher_did" type="text" ucd="meta.ref.ivoid" utype="obscore:Curation.publisherDID" verbLevel="1"
      description="IVOA dataset identifier for the published data set. It must be unique within the namespace controlled by the publisher."/>
    <column name="obs_release_date" type="timestamp" ucd="time.release" utype="obscore:Curation.releaseDate" verbLevel="10"
      description="The date when the data set becomes public."/>
    <column name="obs_title" type="text" ucd="meta.title;obs" utype="obscore:DataID.title" verbLevel="10"
      description="It should contain a brief description (displayable in less than one line of text) specifying in scientific terms the content of the dataset."/>
    <column name="obstech" type="text" ucd="instr.setup" verbLevel="10"
      description="ESO-specific field not present in the standard ObsCore. Technique used during the observation. Normally, OBSTECH should be adopted from the keyword HIERARCH ESO DPR TECH of the original data."/>
    <column name="p3orig" type="text" ucd="meta.ref" verbLevel="10"
      description="ESO-specific field not present in the standard ObsCore. Possible values: EDP or IDP. EDP is for products prepared and certified by the astronomical community, IDP is for products generated and certified by ESO."/>
    <column name="pol_states" type="text" ucd="meta.code;phys.polarization" utype="obscore:Char.PolarizationAxis.stateList" verbLevel="10"
      description="A list of the polarisation states present in the data set. It is serialised as a concatenated list of the possible values: {I Q U V RR LL RL LR XX YY XY YX POLI POLA} where the list separator is a slash /. Leading and trailing slashes must always be present; example: /YY/."/>
    <column name="pol_xel" type="bigint" ucd="meta.number" utype="obscore:Char.PolarizationAxis.numBins" verbLevel="10"
      description="Number of polarisation states available in the data set.">
      <values nullLiteral="-999"/></column>
    <column name="preview_html" type="text" ucd="meta.ref.url;meta.preview" verbLevel="10"
      description="The web (html) rendering of the preview, both for ALMA and LPO data. (The datalink offered by the access_url does not support ALMA data)"/>
    <column name="proposal_id" type="text" ucd="meta.id;obs.proposal" utype="obscore:Provenance.Proposal.identifier" verbLevel="10"
      description="The identifier(s) of the observing programme(s) this data set originates from."/>
    <column name="publication_date" type="timestamp" ucd="time.publiYear" verbLevel="10"
      description="ESO-specific field not present in the standard ObsCore. The publication date is the time when the product has been made available to the user community (whether under proprietary period or not)."/>
    <column name="release_description" type="text" ucd="meta.ref.url" verbLevel="10"
      description="ESO-specific field. It provides the link to the PDF document describing the release content, the originating observations, the calibration and data reduction procedures, the data quality, the data format, and the scientific context of the programme"/>
    <column name="s_dec" type="double precision" unit="deg" ucd="pos.eq.dec" utype="obscore:Char.SpatialAxis.Coverage.Location.Coord.Position2D.Value2.C2" verbLevel="1"
      description="Equatorial coordinate: Declination (FK5/J2000); Image/tile/cube centre, barycentre of image arrays in MEF format ; spectroscopic target position; centre of the survey field in case of catalogues. Ref. DEC keyword in ESO SDP standard."/>
    <column name="s_fov" type="double precision" unit="deg" ucd="phys.angSize;instr.fov" utype="obscore:Char.SpatialAxis.Coverage.Bounds.Extent.diameter" verbLevel="10"
      description="Angular size of the spatial field of view the photons were collected from."/>
    <column name="s_pixel_scale" type="double precision" unit="arcsec" ucd="phys.angSize;instr.pixel" utype="obscore:Char.SpatialAxis.Sampling.RefVal.SamplingPeriod" verbLevel="10"
      description="Spatial pixel scale"/>
    <column name="s_ra" type="double precision" unit="deg" ucd="pos.eq.ra" utype="obscore:Char.SpatialAxis.Coverage.Location.Coord.Position2D.Value2.C1" verbLevel="1"
      description="Equatorial coordinate: Right Ascension (FK5/J2000); Image/tile/cube centre, barycentre of image arrays in MEF format ; spectroscopic target position; centre of the survey field in case of catalogues. Ref. RA keyword in ESO SDP standard."/>
    <column name="s_region" type="spoly" xtype="adql:REGION" ucd="pos.outline;obs.field" utype="obscore:Char.SpatialAxis.Coverage.Support.Area" verbLevel="1"
      description="The spatial footprint of the data set. For an ESO spectrum, the returned footprint is the position (s_ra,s_dec)."/>
    <column name="s_resolution" type="double precision" unit="arcsec" ucd="pos.angResolution" utype="obscore:Char.SpatialAxis.Resolution.Refval.value" verbLevel="10"
      description="The characteristic spatial resolution of the data set; ref. ESO SDP standard: PSF_FWHM for images, SKY_RES for 3d cubes, assumed to be the APERTURE for spectral data."/>
    <column name="s_xel1" type="bigint" ucd="meta.number" utype="obscore:Char.SpatialAxis.numBins1" verbLevel="10"
      description="Number of elements (e.g. pixels) along the first spatial axis.">
      <values nullLiteral="-999"/></column>
    <column name="s_xel2" type="bigint" ucd="meta.number" utype="obscore:Char.SpatialAxis.numBins2" verbLevel="10"
      description="Number of elements (e.g. pixels) along the second spatial axis.">
      <values nullLiteral="-999"/></column>
    <column name="snr" type="double precision" ucd="stat.snr" verbLevel="10"
      description="ESO-specific field not present in the standard ObsCore. The average signal-to-noise ratio of a spectrum. Not applicable to other data product types."/>
    <column name="strehl" type="double precision" ucd="instr.param" verbLevel="10"
      description="Strehl ratio: Ratio of the intensity at the peak of the light distribution of an on-axis point source to the intensity assuming an ideal optical system limited only by diffraction over the aperture. It should be a value between 0 and 1"/>
    <column name="t_exptime" type="double precision" unit="s" ucd="time.duration;obs.exposure" utype="obscore:Char.TimeAxis.Coverage.Support.Extent" verbLevel="10"
      description="Total integration time per pixel (in seconds); ref. EXPTIME keyword in ESO SDP standard."/>
    <column name="t_max" type="double precision" unit="d" ucd="time.end;obs.exposure" utype="obscore:Char.TimeAxis.Coverage.Bounds.Limits.StopTime" verbLevel="10"
      description="Stop time in MJD; ref. MJD-END keyword in ESO SDP standard."/>
    <column name="t_min" type="double precision" unit="d" ucd="time.start;obs.exposure" utype="obscore:Char.TimeAxis.Coverage.Bounds.Limits.StartTime" verbLevel="10"
      description="Start time in MJD; ref MJD-OBS keyword in ESO SDP standard."/>
    <column name="t_resolution" type="double precision" unit="s" ucd="time.resolution" utype="obscore:Char.TimeAxis.Resolution.Refval.value" verbLevel="10"
      description="Temporal resolution (FWHM) in seconds; currently defined as := (t_max-t_min)*86400."/>
    <column name="t_xel" type="bigint" ucd="meta.number" utype="obscore:Char.TimeAxis.numBins" verbLevel="10"
      description="Number of elements along the time axis (currently set to 1 for all observations).">
      <values nullLiteral="-999"/></column>
    <column name="target_name" type="text" ucd="meta.id;src" utype="obscore:Target.name" verbLevel="1"
      description="The target name as assigned by the Principal Investigator; ref. Ref. OBJECT keyword in ESO SDP standard. For spectroscopic public surveys, the value shall be set to the survey source identifier, which shall be unique within the survey"/>
  </table>

  <data id="import">
    <sources>data/obscore.jsonl</sources>
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
    <make table="obscore">
      <rowmaker idmaps="*">
        <map key="s_region">pgsphere.SPoly.fromDALI(@s_region)</map>
      </rowmaker>
    </make>
  </data>
</resource>
