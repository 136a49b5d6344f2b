<?xml version="1.0" encoding="utf-8"?>
<!-- safcat.*: a tap_cat-like catalogue (synthetic KiDS-like sources in six
1x1 deg fields).  RD id eso/safcat. -->
<resource schema="safcat" resdir=".">
  <meta name="creationDate">2024-01-01T00:00:00Z</meta>
  <meta name="title">Local ESO-like archive: catalogues (synthetic)</meta>
  <meta name="description">Synthetic tap_cat-like source catalogue.</meta>
  <meta name="creator">Local test archive</meta>
  <meta name="subject">catalogs</meta>
  <table id="kids_dr4_cat" onDisk="True" adql="True" primary="seqnr">
    <meta name="description">KiDS-DR4-like multi-band source catalogue
      (synthetic, 4200 sources).</meta>
    <index columns="raj2000,decj2000"/>
    <FEED source="//scs#splitPosIndex" long="raj2000" lat="decj2000"/>
    <column name="id" type="text" ucd="meta.id;meta.main" verbLevel="1"
      description="KiDS source designation"/>
    <column name="seqnr" type="integer" ucd="meta.record" verbLevel="1"
      description="Running object number">
      <values nullLiteral="-999"/></column>
    <column name="raj2000" type="double precision" unit="deg" ucd="pos.eq.ra;meta.main" verbLevel="1"
      description="Right ascension (J2000)"/>
    <column name="decj2000" type="double precision" unit="deg" ucd="pos.eq.dec;meta.main" verbLevel="1"
      description="Declination (J2000)"/>
    <column name="mag_auto_r" type="real" unit="mag" ucd="phot.mag;em.opt.R" verbLevel="1"
      description="Kron-like elliptical aperture magnitude, r band"/>
    <column name="magerr_auto_r" type="real" unit="mag" ucd="stat.error;phot.mag;em.opt.R" verbLevel="1"
      description="RMS error of mag_auto_r"/>
    <column name="mag_gaap_u" type="real" unit="mag" ucd="phot.mag;em.opt.U" verbLevel="1"
      description="GAaP magnitude, u band"/>
    <column name="mag_gaap_g" type="real" unit="mag" ucd="phot.mag;em.opt.B" verbLevel="1"
      description="GAaP magnitude, g band"/>
    <column name="mag_gaap_r" type="real" unit="mag" ucd="phot.mag;em.opt.R" verbLevel="1"
      description="GAaP magnitude, r band"/>
    <column name="mag_gaap_i" type="real" unit="mag" ucd="phot.mag;em.opt.I" verbLevel="1"
      description="GAaP magnitude, i band"/>
    <column name="class_star" type="real" ucd="src.class.starGalaxy" verbLevel="1"
      description="Star/galaxy classifier (1=star)"/>
    <column name="fwhm_world" type="real" unit="deg" ucd="phys.angSize;src" verbLevel="1"
      description="FWHM assuming a Gaussian core"/>
    <column name="flags" type="smallint" ucd="meta.code" verbLevel="1"
      description="SExtractor extraction flags">
      <values nullLiteral="-999"/></column>
    <column name="z_b" type="real" ucd="src.redshift.phot" verbLevel="1"
      description="BPZ photometric redshift"/>
    <column name="tile" type="text" ucd="meta.id;obs.field" verbLevel="1"
      description="KiDS tile name"/>
  </table>

  <data id="import">
    <sources>data/safcat.jsonl</sources>
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
    <make table="kids_dr4_cat">
      <rowmaker idmaps="*"/>
    </make>
  </data>
</resource>
