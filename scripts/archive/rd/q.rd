<?xml version="1.0" encoding="utf-8"?>
<!-- ESO-like "dbo" schema: dbo.raw (raw frames), dbo.ssa (SSAP table of the
1D spectra), the files behind the products, and all DataLink / SODA /
SSAP / calSelector-like services.  Installed as /var/gavo/inputs/eso/q.rd
(RD id eso/q), data in /var/gavo/inputs/eso/data (from ../make_data.py).
Parts (spectra, SSAP, SDM) are adapted from the DaCHS reference recipe. -->
<resource schema="dbo" resdir=".">
  <meta name="creationDate">2024-01-01T00:00:00Z</meta>
  <meta name="title">Local ESO-like test archive (synthetic)</meta>
  <meta name="description">A synthetic data collection modelled after the
    ESO science archive (raw frames, Phase 3 products, SSAP, DataLink,
    SODA, calibration associations).  For software tests only.</meta>
  <meta name="creator">Local test archive</meta>
  <meta name="subject">virtual-observatories</meta>
  <meta name="subject">spectroscopy</meta>
  <meta name="instrument">FORS2, HAWKI, MUSE, UVES, XSHOOTER (simulated)</meta>
  <meta name="facility">ESO Paranal (simulated)</meta>
  <meta name="contentLevel">Research</meta>
  <meta name="type">Archive</meta>
  <meta name="coverage.waveband">Optical</meta>
  <meta name="ssap.dataSource">pointed</meta>
  <meta name="ssap.creationType">archival</meta>
  <meta name="productType">spectrum</meta>
  <meta name="ssap.testQuery">MAXREC=1</meta>

  <!-- ============================================ dbo.raw -->
  <table id="raw" onDisk="True" adql="True" primary="dp_id">
    <meta name="description">Raw frames (ESO dbo.raw shape; synthetic).
      lambda_min/lambda_max are in nm.</meta>
    <stc>Position ICRS [s_region]</stc>
    <index columns="s_region" method="GIST"/>
    <index columns="instrument"/>
    <index columns="mjd_obs"/>
    <column name="access_estsize" type="bigint" unit="kbyte" ucd="phys.size;meta.file" verbLevel="1"
      description="kbyte">
      <values nullLiteral="-999"/></column>
    <column name="access_url" type="text" ucd="meta.ref.url" utype="eso:Access.direct" verbLevel="1"
      description="Direct download URL of the raw file (ESO: dataPortal/file/DP_ID)"/>
    <column name="datalink_url" type="text" ucd="meta.ref.url" utype="obscore:Access.reference" verbLevel="1"
      description="DataLink URL of the raw file"/>
    <column name="date_obs" type="text" ucd="time.start" verbLevel="1"
      description="Observation start (ISO string, e.g. 2013-08-27T01:05:24.3279)"/>
    <column name="dec" type="double precision" unit="deg" ucd="pos.eq.dec;meta.main" verbLevel="1"
      description="deg"/>
    <column name="dec_pnt" type="double precision" unit="deg" verbLevel="10"
      description="dec pnt"/>
    <column name="det_chip1id" type="text" verbLevel="10"
      description="det chip1id"/>
    <column name="det_chop_ncycles" type="smallint" verbLevel="10"
      description="det chop ncycles">
      <values nullLiteral="-999"/></column>
    <column name="det_dit" type="real" unit="s" verbLevel="10"
      description="s"/>
    <column name="det_expid" type="smallint" verbLevel="10"
      description="det expid">
      <values nullLiteral="-999"/></column>
    <column name="det_ndit" type="smallint" verbLevel="10"
      description="det ndit">
      <values nullLiteral="-999"/></column>
    <column name="dp_cat" type="text" ucd="meta.code.class" verbLevel="1"
      description="e.g. SCIENCE / CALIB"/>
    <column name="dp_id" type="text" ucd="meta.id;meta.main" verbLevel="1"
      description="dp id"/>
    <column name="dp_tech" type="text" ucd="instr.setup" verbLevel="1"
      description="dp tech"/>
    <column name="dp_type" type="text" ucd="meta.code.class" verbLevel="1"
      description="dp type"/>
    <column name="ecl_lat" type="double precision" unit="deg" verbLevel="10"
      description="ecl lat"/>
    <column name="ecl_lon" type="double precision" unit="deg" verbLevel="10"
      description="ecl lon"/>
    <column name="exp_start" type="timestamp" verbLevel="10"
      description="Exposure start"/>
    <column name="exposure" type="real" unit="s" ucd="time.duration;obs.exposure" verbLevel="1"
      description="s"/>
    <column name="filter_path" type="text" verbLevel="10"
      description="filter path"/>
    <column name="gal_lat" type="double precision" unit="deg" ucd="pos.galactic.lat" verbLevel="1"
      description="gal lat"/>
    <column name="gal_lon" type="double precision" unit="deg" ucd="pos.galactic.lon" verbLevel="1"
      description="gal lon"/>
    <column name="grat_path" type="text" verbLevel="10"
      description="grat path"/>
    <column name="gris_path" type="text" verbLevel="10"
      description="gris path"/>
    <column name="ins_mode" type="text" verbLevel="10"
      description="ins mode"/>
    <column name="instrument" type="text" ucd="meta.id;instr" verbLevel="1"
      description="instrument"/>
    <column name="lambda_max" type="double precision" unit="nm" ucd="em.wl;stat.max" verbLevel="1"
      description="nm"/>
    <column name="lambda_min" type="double precision" unit="nm" ucd="em.wl;stat.min" verbLevel="1"
      description="nm"/>
    <column name="last_mod_date" type="timestamp" verbLevel="10"
      description="timestamp"/>
    <column name="mjd_obs" type="double precision" unit="d" ucd="time.start;obs.exposure" verbLevel="1"
      description="d"/>
    <column name="ob_id" type="integer" verbLevel="10"
      description="ob id">
      <values nullLiteral="-999"/></column>
    <column name="ob_name" type="text" verbLevel="10"
      description="ob name"/>
    <column name="object" type="text" ucd="meta.id;src" verbLevel="1"
      description="object"/>
    <column name="obs_mode" type="text" verbLevel="10"
      description="obs mode"/>
    <column name="origfile" type="text" verbLevel="10"
      description="origfile"/>
    <column name="period" type="smallint" verbLevel="10"
      description="period">
      <values nullLiteral="-999"/></column>
    <column name="pi_coi" type="text" verbLevel="10"
      description="pi coi"/>
    <column name="prog_id" type="text" ucd="meta.id;obs.proposal" verbLevel="1"
      description="prog id"/>
    <column name="prog_title" type="text" verbLevel="10"
      description="prog title"/>
    <column name="prog_type" type="integer" verbLevel="10"
      description="prog type">
      <values nullLiteral="-999"/></column>
    <column name="ra" type="double precision" unit="deg" ucd="pos.eq.ra;meta.main" verbLevel="1"
      description="ra"/>
    <column name="ra_pnt" type="double precision" unit="deg" verbLevel="10"
      description="ra pnt"/>
    <column name="release_date" type="timestamp" ucd="time.release" verbLevel="1"
      description="timestamp"/>
    <column name="s_region" type="spoint" xtype="adql:REGION" ucd="pos.outline;obs.field" verbLevel="1"
      description="Position of the frame (pgsphere point)"/>
    <column name="slit_path" type="text" verbLevel="10"
      description="slit path"/>
    <column name="target" type="text" verbLevel="10"
      description="target"/>
    <column name="tel_airm_end" type="real" verbLevel="10"
      description="tel airm end"/>
    <column name="tel_airm_start" type="real" verbLevel="10"
      description="tel airm start"/>
    <column name="tel_alt" type="real" unit="deg" verbLevel="10"
      description="tel alt"/>
    <column name="tel_ambi_fwhm_end" type="real" unit="arcsec" verbLevel="10"
      description="arcsec"/>
    <column name="tel_ambi_fwhm_start" type="real" unit="arcsec" verbLevel="10"
      description="arcsec"/>
    <column name="tel_ambi_pres_end" type="real" unit="hPa" verbLevel="10"
      description="hPa"/>
    <column name="tel_ambi_pres_start" type="real" unit="hPa" verbLevel="10"
      description="hPa"/>
    <column name="tel_ambi_rhum" type="real" unit="%" verbLevel="10"
      description="%"/>
    <column name="tel_az" type="real" unit="deg" verbLevel="10"
      description="tel az"/>
    <column name="telescope" type="text" ucd="instr.tel" verbLevel="1"
      description="telescope"/>
    <column name="tpl_expno" type="integer" verbLevel="10"
      description="tpl expno">
      <values nullLiteral="-999"/></column>
    <column name="tpl_id" type="text" verbLevel="10"
      description="tpl id"/>
    <column name="tpl_name" type="text" verbLevel="10"
      description="tpl name"/>
    <column name="tpl_nexp" type="integer" verbLevel="10"
      description="tpl nexp">
      <values nullLiteral="-999"/></column>
    <column name="tpl_seqno" type="integer" verbLevel="10"
      description="tpl seqno">
      <values nullLiteral="-999"/></column>
    <column name="tpl_start" type="text" verbLevel="10"
      description="tpl start"/>
  </table>

  <data id="import_raw">
    <sources>data/raw.jsonl</sources>
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
    <make table="raw">
      <rowmaker idmaps="*">
        <map key="s_region">pgsphere.SPoint.fromDegrees(*@s_region) if @s_region else None</map>
      </rowmaker>
    </make>
  </data>

  <!-- ============================================ image/cube files -->
  <table id="fitsfiles" onDisk="True" adql="False">
    <meta name="description">Files behind the image and cube products
      (only used to register them in dc.products).</meta>
    <mixin>//products#table</mixin>
    <column name="dp_id" type="text" description="ESO product id"/>
  </table>

  <data id="import_fitsfiles">
    <sources><pattern>data/img/*.fits</pattern><pattern>data/cube/*.fits</pattern></sources>
    <fitsProdGrammar>
      <rowfilter procDef="//products#define">
        <bind key="table">"\schema.fitsfiles"</bind>
        <bind key="mime">"application/fits"</bind>
        <!-- static previews written by make_data.py (DaCHS makes its own only for image/fits, with PIL) -->
        <bind key="preview">"eso/data/previews/" + \inputRelativePath{False}.split("/")[-1][:-5] + ".png"</bind>
        <bind key="preview_mime">"image/png"</bind>
      </rowfilter>
    </fitsProdGrammar>
    <make table="fitsfiles">
      <rowmaker idmaps="*">
        <map key="dp_id">@ARCFILE[:-5]</map>
      </rowmaker>
    </make>
  </data>

  <!-- ============================================ spectra / dbo.ssa -->
  <table id="spectra_raw" onDisk="True" adql="hidden"
      namePath="//ssap#instance">
    <LOOP listItems="ssa_dateObs ssa_dstitle ssa_targname ssa_length
      ssa_specres ssa_timeExt ssa_specstart ssa_specend ssa_snr">
      <events>
        <column original="\item"/>
      </events>
    </LOOP>
    <column name="ssa_instrument" type="text" ucd="meta.id;instr"
      utype="ssa:DataID.Instrument" tablehead="Instrument" verbLevel="15"
      description="Instrument or code used to produce the dataset"/>
    <column name="dp_id" type="text" ucd="meta.id" verbLevel="1"
      description="ESO product identifier (as in ivoa.ObsCore.dp_id)"/>
    <mixin>//products#table</mixin>
    <mixin>//ssap#plainlocation</mixin>
    <mixin>//ssap#simpleCoverage</mixin>
    <FEED source="//scs#splitPosIndex"
      long="degrees(long(ssa_location))"
      lat="degrees(lat(ssa_location))"/>
  </table>

  <data id="import_spectra">
    <recreateAfter>make_ssa</recreateAfter>
    <sources pattern="data/spec/*.fits"/>
    <fitsProdGrammar>
      <rowfilter procDef="//products#define">
        <bind key="table">"\schema.spectra_raw"</bind>
        <bind key="mime">"application/fits"</bind>
        <bind key="preview">None</bind>
        <!-- the embargoed product: owner esoteam, embargo 2099-12-31 -->
        <bind key="owner">"esoteam" if "07.007" in \inputRelativePath{False} else None</bind>
        <bind key="embargo">parseDate("2099-12-31") if "07.007" in \inputRelativePath{False} else None</bind>
      </rowfilter>
    </fitsProdGrammar>
    <make table="spectra_raw">
      <rowmaker idmaps="*">
        <apply procDef="//ssap#fill-plainlocation">
          <bind key="ra">float(@RA)</bind>
          <bind key="dec">float(@DEC)</bind>
          <bind key="aperture">float(@APERTURE)</bind>
        </apply>
        <map key="dp_id">@ARCFILE[:-5]</map>
        <map key="ssa_dateObs">float(@MJD_OBS)+float(@EXPTIME)/2./86400.</map>
        <map key="ssa_dstitle">"{} {} 1D spectrum".format(@INSTRUME, @OBJECT)</map>
        <map key="ssa_targname">@OBJECT</map>
        <map key="ssa_instrument">@INSTRUME</map>
        <map key="ssa_specstart">float(@WAVELMIN)*1e-9</map>
        <map key="ssa_specend">float(@WAVELMAX)*1e-9</map>
        <map key="ssa_length">int(round((float(@WAVELMAX)-float(@WAVELMIN))/float(@SPEC_BIN)))+1</map>
        <map key="ssa_timeExt">@EXPTIME</map>
        <map key="ssa_specres">(float(@WAVELMIN)+float(@WAVELMAX))/2.*1e-9/float(@SPEC_RES)</map>
        <map key="ssa_snr">@SNR</map>
      </rowmaker>
    </make>
  </data>

  <table id="ssa" onDisk="True" adql="True">
    <meta name="description">1D spectra (ESO SDP SCIENCE.SPECTRUM
      products) behind the SSAP service (DaCHS SSAP column set).</meta>
    <meta name="_associatedDatalinkService">
      <meta name="serviceId">sdl</meta>
      <meta name="idColumn">ssa_pubDID</meta>
    </meta>
    <mixin
      sourcetable="spectra_raw"
      copiedcolumns="*"
      ssa_pubDID="'ivo://eso.localtest/ID?' || dp_id"
      ssa_aperture="1/3600."
      ssa_fluxunit="'erg.cm**-2.s**-1.Angstrom**-1'"
      ssa_spectralunit="'Angstrom'"
      ssa_bandpass="'Optical'"
      ssa_collection="ssa_instrument"
      ssa_fluxcalib="'ABSOLUTE'"
      ssa_fluxucd="'phot.flux.density;em.wl'"
      ssa_speccalib="'ABSOLUTE'"
      ssa_spectralucd="'em.wl'"
      ssa_targclass="'star'"
      ssa_region="ssa_region"
      ssa_targetpos="ssa_location"
    >//ssap#view</mixin>
  </table>

  <data id="make_ssa" auto="False">
    <make table="ssa"/>
  </data>

  <table id="instance" onDisk="False">
    <mixin ssaTable="ssa"
      spectralDescription="Vacuum wavelength"
      fluxDescription="Flux density"
      >//ssap#sdm-instance</mixin>
    <column name="flux_error" type="double precision"
      ucd="stat.error;phot.flux.density;em.wl"
      unit="erg.cm**-2.s**-1.Angstrom**-1"
      utype="spec:Spectrum.Data.FluxAxis.Accuracy.StatError"
      description="1-sigma error of the flux density"/>
    <meta name="description">A 1D spectrum from the ESO-like test archive</meta>
  </table>

  <data id="build_spectrum" auto="False">
    <embeddedGrammar>
      <iterator>
        <setup imports="gavo.utils.pyfits"/>
        <code>
          srcPath = os.path.join(base.getConfig("inputsDir"),
            self.sourceToken["accref"])
          with pyfits.open(srcPath) as hdus:
            row = hdus[1].data[0]
            for w, f, e in zip(row["WAVE"], row["FLUX"], row["ERR"]):
              yield {"spectral": float(w), "flux": float(f),
                "flux_error": float(e)}
        </code>
      </iterator>
    </embeddedGrammar>
    <make table="instance">
      <parmaker>
        <apply procDef="//ssap#feedSSAToSDM"/>
      </parmaker>
    </make>
  </data>

  <!-- ============================================ DataLink helpers -->
  <STREAM id="esoLinkSetup">
    <setup imports="json, urllib.parse">
      <code>
        LINKS = json.load(open(os.path.join(base.getConfig("inputsDir"),
          "eso/data/links.json")))
        BASEURL = base.getConfig("web", "serverURL").rstrip("/")
        STATIC = BASEURL+"/eso/q/files/static/"
        PUBDIR = os.path.join(base.getConfig("inputsDir"), "eso/data/pub")
        def dpIdOf(pubDID):
          return pubDID.split("?", 1)[-1] if "?" in pubDID else pubDID
        def staticLink(descriptor, rel, **kw):
          path = os.path.join(PUBDIR, rel)
          return descriptor.makeLink(STATIC+rel,
            contentLength=os.path.getsize(path) if os.path.exists(path) else None,
            **kw)
      </code>
    </setup>
  </STREAM>

  <STREAM id="productExtraLinks">
    <metaMaker semantics="#progenitor">
      <FEED source="esoLinkSetup"/>
      <code>
        for rid in LINKS["progenitors"].get(dpIdOf(descriptor.pubDID), []):
          yield staticLink(descriptor, LINKS["raw_files"][rid],
            semantics="#progenitor", contentType="application/fits",
            description="File used to generate the requested file"
              " (processing provenance): "+rid)
      </code>
    </metaMaker>
    <metaMaker semantics="#auxiliary">
      <FEED source="esoLinkSetup"/>
      <code>
        for rel, cat, mime, desc in LINKS["auxiliary"].get(
            dpIdOf(descriptor.pubDID), []):
          yield staticLink(descriptor, rel, semantics="#auxiliary",
            contentType=mime, description="%s (%s)"%(desc, cat))
      </code>
    </metaMaker>
  </STREAM>

  <!-- DataLink + SODA for images and cubes (and the entry point for every
       ObsCore row: spectra are redirected to sdl, metadata-only rows get
       a NotFoundFault row) -->
  <service id="dl" allowed="dlget,dlmeta">
    <meta name="title">ESO-like products: DataLink and SODA cutouts</meta>
    <datalinkCore>
      <descriptorGenerator>
        <FEED source="esoLinkSetup"/>
        <code>
          if not pubDID.startswith("ivo://"):
            pubDID = "ivo://eso.localtest/ID?"+pubDID
          dpId = dpIdOf(pubDID)
          info = LINKS["products"].get(dpId)
          if info is None and dpId in LINKS.get("previews", {}):
            from gavo import svcs
            raise svcs.WebRedirect(BASEURL+"/eso/q/pdl/dlmeta?ID="
              +urllib.parse.quote(pubDID, safe=":/"))
          if info is None:
            with base.getTableConn() as conn:
              known = list(conn.query("SELECT 1 FROM ivoa.obscore"
                " WHERE dp_id=%(d)s", {"d": dpId}))
            return DatalinkFault.NotFoundFault(pubDID,
              "Synthetic metadata-only product: no file here" if known
              else "No product with this ID")
          if info["kind"]=="spectrum":
            from gavo import svcs
            raise svcs.WebRedirect(BASEURL+"/eso/q/sdl/dlmeta?ID="
              +urllib.parse.quote(pubDID, safe=":/"))
          desc = FITSProductDescriptor.fromAccref(pubDID, info["accref"],
            None, qnd=True)
          return desc
        </code>
      </descriptorGenerator>
      <FEED source="productExtraLinks"/>
      <metaMaker procDef="//soda#fits_makeWCSParams" name="getWCSParams">
        <bind key="stcs">''</bind>
      </metaMaker>
      <dataFunction procDef="//soda#fits_makeHDUList" name="makeHDUList"/>
      <metaMaker procDef="//soda#fits_makeSCALEMeta"/>
      <dataFunction procDef="//soda#fits_doSCALE"/>
      <!-- BAND only for cubes (the stock fits_makeBANDMeta assumes axis 3) -->
      <metaMaker>
        <setup><code>from gavo.utils import fitstools</code></setup>
        <code>
          if descriptor.hdr.get("NAXIS", 0)&lt;3:
            return
          fitsAxis = 3
          wavelengthUnit = descriptor.hdr["CUNIT3"]
          descriptor.specToMeter = base.getSpecConverter(wavelengthUnit, "m")
          descriptor.meterToSpec = base.getSpecConverter("m", wavelengthUnit)
          descriptor.specAxis = fitstools.WCSAxis.fromHeader(
            descriptor.hdr, fitsAxis, forceSeparable=True)
          descriptor.specAxisIndex = fitsAxis
          limits = [descriptor.specToMeter(v)
            for v in descriptor.specAxis.getLimits()]
          yield MS(InputKey, name="BAND", unit="m",
            type="double precision[2]", xtype="interval",
            ucd="em.wl", description="Vacuum wavelength limits",
            multiplicity="forced-single",
            values=MS(Values, min=min(limits), max=max(limits)))
        </code>
      </metaMaker>
      <dataFunction procDef="//soda#fits_makeBANDSlice"/>
      <FEED source="//soda#fits_Geometries"/>
      <dataFunction procDef="//soda#fits_doWCSCutout" name="doWCSCutout"/>
      <FEED source="//soda#fits_genPixelPar"/>
      <FEED source="//soda#fits_genKindPar"/>
      <dataFormatter procDef="//soda#fits_formatHDUs" name="formatHDUs"/>
    </datalinkCore>
  </service>

  <!-- DataLink + SODA (SDM) for the 1D spectra -->
  <service id="sdl" allowed="dlget,dlmeta">
    <meta name="title">ESO-like spectra: DataLink and SODA (SDM)</meta>
    <datalinkCore>
      <descriptorGenerator procDef="//soda#sdm_genDesc">
        <bind key="ssaTD">"\rdId#ssa"</bind>
        <bind key="useAccref">False</bind>
      </descriptorGenerator>
      <FEED source="productExtraLinks"/>
      <dataFunction procDef="//soda#sdm_genData">
        <bind key="builder">"\rdId#build_spectrum"</bind>
      </dataFunction>
      <FEED source="//soda#sdm_plainfluxcalib"/>
      <FEED source="//soda#sdm_cutout"/>
      <FEED source="//soda#sdm_format"/>
    </datalinkCore>
  </service>

  <!-- metadata-only products that have a preview image: #this is a NotFoundFault, #preview a
       static PNG (one product has an SVG, for the client's "never run scriptable previews") -->
  <service id="pdl" allowed="dlmeta">
    <meta name="title">ESO-like metadata-only products: DataLink (previews)</meta>
    <datalinkCore>
      <descriptorGenerator>
        <FEED source="esoLinkSetup"/>
        <code>
          if not pubDID.startswith("ivo://"):
            pubDID = "ivo://eso.localtest/ID?"+pubDID
          if dpIdOf(pubDID) not in LINKS.get("previews", {}):
            return DatalinkFault.NotFoundFault(pubDID, "No product with this ID")
          desc = ProductDescriptor(pubDID, None, None, "application/fits")
          desc.suppressAutoLinks = True
          return desc
        </code>
      </descriptorGenerator>
      <metaMaker semantics="#this">
        <FEED source="esoLinkSetup"/>
        <code>
          yield DatalinkFault.NotFoundFault(descriptor.pubDID,
            "Synthetic metadata-only product: no file here", semantics="#this")
        </code>
      </metaMaker>
      <metaMaker semantics="#preview">
        <FEED source="esoLinkSetup"/>
        <code>
          rel, mime = LINKS["previews"][dpIdOf(descriptor.pubDID)]
          yield staticLink(descriptor, rel, semantics="#preview",
            contentType=mime, description="Preview image")
        </code>
      </metaMaker>
    </datalinkCore>
  </service>

  <!-- raw frames: DataLink with #this, #calibration and a calSelector link -->
  <STREAM id="rawDescGen">
    <descriptorGenerator>
      <FEED source="esoLinkSetup"/>
      <code>
        if not pubDID.startswith("ivo://"):
          pubDID = "ivo://eso.localtest/ID?"+pubDID
        dpId = dpIdOf(pubDID)
        with base.getTableConn() as conn:
          rows = list(conn.query("SELECT dp_cat, dp_type FROM dbo.raw"
            " WHERE dp_id=%(d)s", {"d": dpId}))
        if not rows:
          return DatalinkFault.NotFoundFault(pubDID, "No raw frame with this ID")
        desc = ProductDescriptor(pubDID, None, None, "application/fits")
        desc.suppressAutoLinks = True
        desc.dpCat, desc.dpType = rows[0]
        return desc
      </code>
    </descriptorGenerator>
  </STREAM>

  <STREAM id="rawThis">
    <metaMaker semantics="#this">
      <FEED source="esoLinkSetup"/>
      <code>
        rel = LINKS["raw_files"].get(dpIdOf(descriptor.pubDID))
        if rel:
          yield staticLink(descriptor, rel, semantics="#this",
            contentType="application/fits", description=\thisDescription)
        else:
          yield DatalinkFault.NotFoundFault(descriptor.pubDID,
            "Synthetic raw frame: metadata only, no file", semantics="#this")
      </code>
    </metaMaker>
    <metaMaker semantics="#calibration">
      <FEED source="esoLinkSetup"/>
      <code>
        for cid in LINKS["calibrations"].get(dpIdOf(descriptor.pubDID), []):
          rel = LINKS["raw_files"].get(cid)
          desc = ("Calibration file associated to the input raw"
            " observation(s) ("+cid+")")
          if rel:
            yield staticLink(descriptor, rel, semantics="#calibration",
              contentType="application/fits", description=desc)
          else:
            yield descriptor.makeLink(
              BASEURL+"/eso/q/rawdl/dlmeta?ID=ivo://eso.localtest/ID?"+cid,
              semantics="#calibration", description=desc,
              contentType="application/x-votable+xml;content=datalink")
      </code>
    </metaMaker>
  </STREAM>

  <service id="rawdl" allowed="dlmeta">
    <meta name="title">ESO-like raw frames: DataLink</meta>
    <datalinkCore>
      <FEED source="rawDescGen"/>
      <FEED source="rawThis" thisDescription="'Requested file'"/>
      <metaMaker semantics="http://archive.eso.org/rdf/datalink/eso#calSelector_raw2raw">
        <FEED source="esoLinkSetup"/>
        <code>
          if LINKS["calibrations"].get(dpIdOf(descriptor.pubDID)):
            yield descriptor.makeLink(
              BASEURL+"/eso/q/calselector/dlmeta?ID="+descriptor.pubDID,
              semantics="http://archive.eso.org/rdf/datalink/eso#calSelector_raw2raw",
              description="Calibration associations (calSelector-like, Raw2Raw)",
              contentType="application/x-votable+xml;content=datalink",
              contentLength=500000)
        </code>
      </metaMaker>
    </datalinkCore>
  </service>

  <service id="calselector" allowed="dlmeta">
    <meta name="title">ESO-like calibration associations (calSelector-like)</meta>
    <datalinkCore>
      <FEED source="rawDescGen"/>
      <FEED source="rawThis" thisDescription="'category=&quot;%s&quot; certified=&quot;true&quot; complete=&quot;%s&quot; mode=&quot;Raw2Raw&quot; type=&quot;main&quot; messages=&quot;&quot;'%('SCI' if descriptor.dpCat=='SCIENCE' else 'CAL', 'true' if LINKS['calibrations'].get(dpIdOf(descriptor.pubDID)) else 'false')"/>
    </datalinkCore>
  </service>

  <!-- public static files: raw frames and ancillary files -->
  <service id="files" allowed="static">
    <meta name="title">ESO-like archive: raw and ancillary files</meta>
    <property name="staticData">data/pub</property>
    <nullCore/>
  </service>

  <!-- ============================================ SSAP -->
  <service id="ssap" allowed="form,ssap.xml">
    <meta name="title">ESO-like test archive: spectra (SSAP)</meta>
    <meta name="shortName">esolocal ssa</meta>
    <meta name="ssap.complianceLevel">full</meta>
    <publish render="ssap.xml" sets="ivo_managed,local"/>
    <ssapCore queriedTable="ssa">
      <FEED source="//ssap#hcd_condDescs"/>
    </ssapCore>
  </service>

  <service id="pssa" allowed="ssap.xml" limitTo="esoteam">
    <meta name="title">ESO-like test archive: spectra (SSAP, protected)</meta>
    <meta name="shortName">esolocal pssa</meta>
    <meta name="ssap.complianceLevel">full</meta>
    <ssapCore queriedTable="ssa">
      <FEED source="//ssap#hcd_condDescs"/>
    </ssapCore>
  </service>
</resource>
